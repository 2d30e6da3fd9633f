#pragma once

#include <QWidget>

#include "views/TrialRequest.h"

class QComboBox;
class QCompleter;
class QLineEdit;
class QPlainTextEdit;
class QStringListModel;
class QTableWidget;

namespace meshstudio::views {

/// The request half of the Trial dock: method, URL (offering the project's hosts and gateway
/// URLs), a headers table and a body. It edits a TrialRequest and nothing else; sending and
/// explaining are the dock's.
class TrialRequestEditor : public QWidget {
  Q_OBJECT

 public:
  explicit TrialRequestEditor(QWidget* parent = nullptr);

  /// The request as edited now; header rows without a name are left out. `name` stays empty.
  TrialRequest request() const;
  /// Shows `request`; emits nothing.
  void setRequest(const TrialRequest& request);
  /// What the URL field offers as the user types (`http://reviews:9080/`, `http://shop.example.com/`).
  void setUrlSuggestions(const QStringList& urls);
  QStringList urlSuggestions() const;
  /// Appends a header row (and keeps one empty row at the end for the next one).
  void addHeader(const QString& name, const QString& value);

  QComboBox* methodBox() const { return method_; }
  QLineEdit* urlEdit() const { return url_; }
  QTableWidget* headersTable() const { return headers_; }
  QPlainTextEdit* bodyEdit() const { return body_; }

 Q_SIGNALS:
  /// Return pressed in the URL field: the dock sends the request.
  void submitted();
  /// The user changed anything.
  void edited();

 private:
  void ensureEmptyLastRow();
  void removeSelectedHeaders();

  QComboBox* method_;
  QLineEdit* url_;
  QCompleter* completer_;
  QStringListModel* suggestions_;
  QTableWidget* headers_;
  QPlainTextEdit* body_;
  bool loading_ = false;
};

}  // namespace meshstudio::views
