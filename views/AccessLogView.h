#pragma once

#include <QStringList>
#include <QWidget>

#include <deque>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace meshstudio::views {

/// The Access log dock: the engine's access-log lines as Istio prints them (one request per
/// line), newest at the bottom, with a filter box and pause/resume. It keeps the last capacity()
/// lines (5,000 by default) and forgets older ones, so a long load test cannot grow it without
/// bound. Pausing freezes the text; lines keep arriving into the buffer and show on resume.
class AccessLogView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kDefaultCapacity = 5000;

  explicit AccessLogView(QWidget* parent = nullptr);

  void setCapacity(int lines);
  int capacity() const { return capacity_; }
  /// Every space-separated word must appear in a line for it to show (case-insensitive).
  void setFilter(const QString& filter);
  void setPaused(bool paused);
  bool isPaused() const { return paused_; }

  /// The lines kept (at most capacity()), oldest first, whatever the filter.
  QStringList lines() const;
  /// The lines on screen, oldest first.
  QStringList shownLines() const;
  /// Lines that arrived while paused and are not on screen yet.
  int unseenCount() const { return unseen_; }

  QLineEdit* filterEdit() const { return filter_; }
  QToolButton* pauseButton() const { return pause_; }
  QPlainTextEdit* textView() const { return text_; }

 public Q_SLOTS:
  /// New lines from the engine, oldest first (a batch of a drain).
  void appendLines(const QStringList& lines);
  void clear();

 private:
  bool matches(const QString& line) const;
  void rebuild();
  void updateStatus();

  int capacity_ = kDefaultCapacity;
  std::deque<QString> buffer_;
  QStringList terms_;
  bool paused_ = false;
  int unseen_ = 0;
  QLineEdit* filter_;
  QToolButton* pause_;
  QToolButton* clear_;
  QLabel* status_;
  QPlainTextEdit* text_;
};

}  // namespace meshstudio::views
