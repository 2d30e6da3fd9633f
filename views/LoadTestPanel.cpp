#include "views/LoadTestPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "views/LoadCharts.h"

namespace meshstudio::views {

QStringList LoadTestPanel::counterKeys() {
  return {QStringLiteral("overflow"), QStringLiteral("retries"), QStringLiteral("timeouts"),
          QStringLiteral("ejections"), QStringLiteral("rateLimited")};
}

LoadTestPanel::LoadTestPanel(QWidget* parent)
    : QWidget(parent),
      url_(new QComboBox),
      method_(new QComboBox),
      connections_(new QSpinBox),
      qps_(new QDoubleSpinBox),
      count_(new QSpinBox),
      duration_(new QDoubleSpinBox),
      headers_(new QPlainTextEdit),
      body_(new QPlainTextEdit),
      start_(new QPushButton(tr("Start"))),
      stop_(new QPushButton(tr("Stop"))),
      progress_(new QProgressBar),
      status_(new QLabel),
      remaining_(new QLabel),
      message_(new QLabel),
      charts_(new LoadCharts) {
  url_->setEditable(true);
  url_->setInsertPolicy(QComboBox::NoInsert);
  url_->setToolTip(
      tr("Where the requests go, as the mesh names it (http://reviews:9080/). The request is sent "
         "to the engine's listener for that host with this Host header."));
  method_->setEditable(true);
  method_->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("DELETE"),
                     QStringLiteral("HEAD")});
  method_->setToolTip(tr("The HTTP method of every request (-X). Default: GET."));
  connections_->setRange(1, 1024);
  connections_->setValue(4);
  connections_->setToolTip(tr("Kept-alive connections, each with one request in flight (-c). Default: 4."));
  qps_->setRange(0, 1e6);
  qps_->setDecimals(1);
  qps_->setValue(0);
  qps_->setSpecialValueText(tr("max"));
  qps_->setToolTip(tr("The total request rate over all connections (-qps). 0 (max): as fast as possible."));
  count_->setRange(0, 100000000);
  count_->setValue(0);
  count_->setSpecialValueText(tr("by duration"));
  count_->setToolTip(tr("Send exactly this many requests (-n); wins over the duration. 0: run for the duration."));
  duration_->setRange(0.1, 86400);
  duration_->setValue(5);
  duration_->setSuffix(tr(" s"));
  duration_->setToolTip(tr("How long to run when no count is set (-t). Default: 5 s."));
  headers_->setPlaceholderText(tr("end-user: jason"));
  headers_->setToolTip(tr("Extra request headers, one `Name: value` per line (-H). Default: none."));
  headers_->setMaximumHeight(70);
  body_->setToolTip(tr("The request body sent with every request (-payload). Default: empty."));
  body_->setMaximumHeight(60);
  start_->setToolTip(tr("Start the load test through the running engine."));
  stop_->setToolTip(tr("End the run now; the results so far stay shown."));
  stop_->setEnabled(false);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setToolTip(tr("How much of the run is done (count or duration)."));
  remaining_->setToolTip(tr("Time left in the run, estimated from the rate so far for a run by count."));

  auto* form = new QFormLayout;
  form->addRow(tr("URL"), url_);
  form->addRow(tr("Method"), method_);
  form->addRow(tr("Connections"), connections_);
  form->addRow(tr("QPS"), qps_);
  form->addRow(tr("Count"), count_);
  form->addRow(tr("Duration"), duration_);
  form->addRow(tr("Headers"), headers_);
  form->addRow(tr("Body"), body_);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(stop_);
  auto* saveJson = new QPushButton(tr("JSON…"));
  saveJson->setToolTip(tr("Save the run's report as JSON (the same report meshstudio-cli load --json writes)."));
  auto* saveCsv = new QPushButton(tr("CSV…"));
  saveCsv->setToolTip(tr("Save the run's time series (rate, latency percentiles, codes per sample) as CSV."));
  auto* savePng = new QPushButton(tr("PNG…"));
  savePng->setToolTip(tr("Save the charts as a PNG picture."));
  auto* compare = new QPushButton(tr("Compare…"));
  compare->setToolTip(tr("Open two saved JSON reports side by side."));
  auto* saveRow = new QHBoxLayout;
  for (QPushButton* button : {saveJson, saveCsv, savePng, compare}) saveRow->addWidget(button);

  auto* counterBox = new QGroupBox(tr("Engine counters during the run"));
  auto* counterForm = new QFormLayout(counterBox);
  const QStringList names{tr("Overflow"), tr("Retries"), tr("Timeouts"), tr("Ejections"), tr("Rate-limited")};
  const QStringList tips{
      tr("Requests or connections refused by a circuit breaker (upstream_rq_pending_overflow, upstream_cx_overflow)."),
      tr("Retries the engine made (upstream_rq_retry)."),
      tr("Requests that ran out of time (upstream_rq_timeout, upstream_rq_per_try_timeout)."),
      tr("Pods ejected by outlier detection (outlier_detection.ejections_enforced_total)."),
      tr("Requests refused by a local rate limit (…rate_limited).")};
  const QStringList keys = counterKeys();
  for (int i = 0; i < keys.size(); ++i) {
    auto* value = new QLabel(QStringLiteral("0"));
    value->setToolTip(tips[i]);
    counterForm->addRow(names[i], value);
    counters_.insert(keys[i], value);
  }

  auto* left = new QWidget;
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addLayout(form);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(progress_);
  leftLayout->addWidget(remaining_);
  leftLayout->addWidget(status_);
  leftLayout->addWidget(counterBox);
  leftLayout->addLayout(saveRow);
  leftLayout->addWidget(message_);
  leftLayout->addStretch();

  auto* splitter = new QSplitter;
  splitter->addWidget(left);
  splitter->addWidget(charts_);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(splitter);

  connect(start_, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(parameters()); });
  connect(stop_, &QPushButton::clicked, this, &LoadTestPanel::stopRequested);
  connect(saveJson, &QPushButton::clicked, this, &LoadTestPanel::saveJsonRequested);
  connect(saveCsv, &QPushButton::clicked, this, &LoadTestPanel::saveCsvRequested);
  connect(savePng, &QPushButton::clicked, this, &LoadTestPanel::savePngRequested);
  connect(compare, &QPushButton::clicked, this, &LoadTestPanel::compareRequested);
  connect(count_, &QSpinBox::valueChanged, this, [this](int value) { duration_->setEnabled(value == 0); });
}

LoadTestParameters LoadTestPanel::parameters() const {
  LoadTestParameters p;
  p.url = url_->currentText().trimmed();
  p.method = method_->currentText().trimmed().toUpper();
  p.connections = connections_->value();
  p.qps = qps_->value();
  p.requests = count_->value();
  p.seconds = duration_->value();
  for (const QString& line : headers_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0) continue;
    p.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
  }
  p.body = body_->toPlainText();
  return p;
}

void LoadTestPanel::setParameters(const LoadTestParameters& p) {
  url_->setCurrentText(p.url);
  method_->setCurrentText(p.method);
  connections_->setValue(p.connections);
  qps_->setValue(p.qps);
  count_->setValue(static_cast<int>(p.requests));
  duration_->setValue(p.seconds);
  QStringList lines;
  for (const auto& [name, value] : p.headers) lines << name + QStringLiteral(": ") + value;
  headers_->setPlainText(lines.join(QLatin1Char('\n')));
  body_->setPlainText(p.body);
}

void LoadTestPanel::setUrlSuggestions(const QStringList& urls) {
  const QString current = url_->currentText();
  url_->clear();
  url_->addItems(urls);
  url_->setCurrentText(current.isEmpty() && !urls.isEmpty() ? urls.first() : current);
}

void LoadTestPanel::setRunning(bool running) {
  if (running && !running_) {
    charts_->clear();
    last_ = LoadSnapshot();
    progress_->setValue(0);
    for (QLabel* label : std::as_const(counters_)) label->setText(QStringLiteral("0"));
    setMessage({});
  }
  running_ = running;
  start_->setEnabled(!running);
  stop_->setEnabled(running);
}

void LoadTestPanel::showSnapshot(const LoadSnapshot& snapshot) {
  QList<LoadSample> samples = snapshot.newSamples;
  last_ = snapshot;
  last_.newSamples.clear();
  progress_->setValue(static_cast<int>(snapshot.percentDone() * 10));
  QString status = snapshot.total
                       ? tr("%1 / %2 requests, %3 errors").arg(snapshot.done).arg(snapshot.total).arg(snapshot.errors)
                       : tr("%1 requests, %2 errors").arg(snapshot.done).arg(snapshot.errors);
  if (snapshot.finished) status += snapshot.stopped ? tr(" — stopped") : tr(" — done");
  status_->setText(status);
  double remaining = 0;
  if (!snapshot.finished) {
    if (snapshot.total && snapshot.done && snapshot.elapsedSeconds > 0)
      remaining = snapshot.elapsedSeconds *
                  static_cast<double>(snapshot.total - std::min(snapshot.done, snapshot.total)) /
                  static_cast<double>(snapshot.done);
    else if (snapshot.durationSeconds > 0)
      remaining = std::max(0.0, snapshot.durationSeconds - snapshot.elapsedSeconds);
  }
  remaining_->setText(tr("%1 s remaining").arg(remaining, 0, 'f', 1));
  for (auto it = snapshot.counters.begin(); it != snapshot.counters.end(); ++it)
    if (QLabel* label = counters_.value(it.key())) label->setText(QString::number(it.value()));
  charts_->appendSamples(samples);
  if (!snapshot.histogram.isEmpty()) charts_->setHistogram(snapshot.histogram);
  if (!snapshot.split.isEmpty()) charts_->setSplit(snapshot.split);
  if (!snapshot.error.isEmpty()) setMessage(snapshot.error);
}

void LoadTestPanel::setMessage(const QString& text) { message_->setText(text); }

QString LoadTestPanel::statusText() const { return status_->text(); }
QString LoadTestPanel::remainingText() const { return remaining_->text(); }
QString LoadTestPanel::message() const { return message_->text(); }

qint64 LoadTestPanel::counterValue(const QString& key) const {
  QLabel* label = counters_.value(key);
  return label ? label->text().toLongLong() : -1;
}

}  // namespace meshstudio::views
