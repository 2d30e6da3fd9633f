#pragma once

#include <QWidget>

#include "views/TrialResult.h"

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace meshstudio::views {

/// The response half of the Trial dock: status and timing, the response headers, and the body
/// (pretty-printed when it is JSON). After an Explain it says that nothing was sent and shows
/// the reply the proxy would give itself, if any.
class TrialResultView : public QWidget {
  Q_OBJECT

 public:
  explicit TrialResultView(QWidget* parent = nullptr);

  void setResult(const TrialResult& result);
  /// "Sending…": the previous result stays hidden until the new one arrives.
  void setPending(const QString& what);
  void clear();

  const TrialResult& result() const { return result_; }
  QString statusText() const;
  QString bodyText() const;
  QTableWidget* headersTable() const { return headers_; }

  /// The body as shown: indented JSON when it parses as JSON (whatever the content type says),
  /// else the text as received.
  static QString displayBody(const QByteArray& body);

 private:
  TrialResult result_;
  QLabel* status_;
  QTableWidget* headers_;
  QPlainTextEdit* body_;
};

}  // namespace meshstudio::views
