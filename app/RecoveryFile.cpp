#include "app/RecoveryFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

#include "app/Document.h"
#include "model/AtomicFile.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"

namespace meshstudio::app {
namespace {

using model::Value;

constexpr const char* kFormatKey = "meshstudioRecovery";
constexpr int kFormatVersion = 1;

std::string stringOf(const Value* value) { return value && value->isScalar() ? value->text() : std::string(); }
int intOf(const Value* value, int fallback) { return value ? int(value->toInt().value_or(fallback)) : fallback; }

}  // namespace

QString RecoveryFile::defaultDirectory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryFile::pathFor(const QString& directory, const QString& folder) {
  const QByteArray hash = QCryptographicHash::hash(folder.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
  return QDir(directory).filePath(QStringLiteral("session-") + QString::fromLatin1(hash) + QStringLiteral(".yaml"));
}

QString RecoveryFile::write(const QString& path, const QString& folder, const model::Project& project) {
  Value root = Value::map();
  root.set(kFormatKey, Value::integer(kFormatVersion));
  root.set("folder", Value::string(folder.toStdString()));
  root.set("written", Value::string(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()));
  root.set("settings", project.settings());
  Value& resources = root.set("resources", Value::seq());
  for (const model::Resource& resource : project.resources()) {
    Value& entry = resources.append(Value::map());
    Value& source = entry.set("source", Value::map());
    source.set("file", Value::string(resource.source().file));
    source.set("documentIndex", Value::integer(resource.source().documentIndex));
    source.set("firstLine", Value::integer(resource.source().firstLine));
    source.set("listItem", Value::integer(resource.source().listItem));
    if (resource.isUnparsed())
      entry.set("text", Value::string(resource.rawText()));
    else
      entry.set("document", resource.document());
  }
  // The folder is the user's alone: the file is briefly world-readable before the chmod below.
  const QString directory = QFileInfo(path).absolutePath();
  if (QDir().mkpath(directory))
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
  const std::string error =
      model::AtomicFile::write(QFile::encodeName(path).toStdString(), model::YamlWriter::write(root));
  if (!error.empty()) return QString::fromStdString(error);
  // Outside the project folder, in the user's data: nobody else needs to read it.
  QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  return {};
}

std::optional<RecoveryFile::Contents> RecoveryFile::read(const QString& path, QString* error) {
  auto failed = [&](const QString& message) -> std::optional<Contents> {
    if (error) *error = message;
    return std::nullopt;
  };
  std::string text;
  if (std::string message = model::AtomicFile::read(QFile::encodeName(path).toStdString(), text); !message.empty())
    return failed(QString::fromStdString(message));
  model::ParseResult parsed = model::YamlReader::parse(text, QFile::encodeName(path).toStdString());
  if (parsed.documents.size() != 1 || !parsed.documents.front().value)
    return failed(tr("%1 is not a recovery file.").arg(path));
  const Value& root = *parsed.documents.front().value;
  const Value* format = root.find(kFormatKey);
  const Value* resources = root.find("resources");
  if (!format || format->toInt() != kFormatVersion || !resources || !resources->isSeq())
    return failed(tr("%1 is not a recovery file of this version.").arg(path));

  Contents contents;
  contents.folder = QString::fromStdString(stringOf(root.find("folder")));
  contents.written = QDateTime::fromString(QString::fromStdString(stringOf(root.find("written"))), Qt::ISODateWithMs);
  const Value* settings = root.find("settings");
  contents.settings = settings && settings->isMap() ? *settings : Value::map();
  for (const Value& entry : resources->items()) {
    model::SourceLocation source;
    if (const Value* s = entry.find("source")) {
      source.file = stringOf(s->find("file"));
      source.documentIndex = intOf(s->find("documentIndex"), 0);
      source.firstLine = intOf(s->find("firstLine"), 1);
      source.listItem = intOf(s->find("listItem"), -1);
    }
    if (const Value* document = entry.find("document"))
      contents.resources.push_back(model::Resource::fromDocument(*document, source));
    else
      contents.resources.push_back(model::Resource::unparsed(stringOf(entry.find("text")), source));
  }
  return contents;
}

QList<RecoverableSession> RecoveryFile::list(const QString& directory) {
  QList<RecoverableSession> sessions;
  const QDir dir(directory);
  for (const QString& name :
       dir.entryList({QStringLiteral("session-*.yaml")}, QDir::Files | QDir::Readable, QDir::Name)) {
    const QString path = dir.filePath(name);
    std::optional<Contents> contents = read(path);
    if (!contents) continue;
    sessions.append(RecoverableSession{path, contents->folder, contents->written, int(contents->resources.size())});
  }
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const RecoverableSession& a, const RecoverableSession& b) { return a.written > b.written; });
  return sessions;
}

}  // namespace meshstudio::app
