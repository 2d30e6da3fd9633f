#include "app/TrialStore.h"

namespace meshstudio::app {
namespace {

constexpr const char* kTrials = "trials";

QString text(const model::Value* value) { return value ? QString::fromStdString(value->text()) : QString(); }

model::Value toValue(const views::TrialRequest& trial) {
  model::Value value = model::Value::map();
  value.set("name", model::Value::string(trial.name.toStdString()));
  value.set("method",
            model::Value::string((trial.method.isEmpty() ? QStringLiteral("GET") : trial.method).toStdString()));
  value.set("url", model::Value::string(trial.url.toStdString()));
  if (!trial.headers.isEmpty()) {
    model::Value headers = model::Value::map();
    for (const auto& [name, header] : trial.headers)
      headers.set(name.toStdString(), model::Value::string(header.toStdString()));
    value.set("headers", headers);
  }
  if (!trial.body.isEmpty()) value.set("body", model::Value::string(trial.body.toStdString()));
  return value;
}

}  // namespace

QList<views::TrialRequest> TrialStore::read(const model::Value& settings) {
  QList<views::TrialRequest> trials;
  const model::Value* list = settings.find(kTrials);
  if (!list || !list->isSeq()) return trials;
  for (const model::Value& item : list->items()) {
    if (!item.isMap()) continue;
    views::TrialRequest trial;
    trial.name = text(item.find("name"));
    trial.method = item.find("method") ? text(item.find("method")) : QStringLiteral("GET");
    trial.url = text(item.find("url"));
    if (const model::Value* headers = item.find("headers"); headers && headers->isMap())
      for (const auto& entry : headers->entries())
        trial.headers.append({QString::fromStdString(entry.key), QString::fromStdString(entry.value.text())});
    trial.body = text(item.find("body"));
    if (!trial.name.isEmpty()) trials.append(trial);
  }
  return trials;
}

model::Value TrialStore::withTrial(const model::Value& settings, const views::TrialRequest& trial) {
  model::Value out = settings.isMap() ? settings : model::Value::map();
  model::Value* list = out.find(kTrials);
  if (!list || !list->isSeq()) list = &out.set(kTrials, model::Value::seq());
  for (model::Value& item : list->items()) {
    if (text(item.find("name")) == trial.name) {
      item = toValue(trial);
      return out;
    }
  }
  list->append(toValue(trial));
  return out;
}

model::Value TrialStore::withoutTrial(const model::Value& settings, const QString& name) {
  model::Value out = settings;
  model::Value* list = out.find(kTrials);
  if (!list || !list->isSeq()) return out;
  std::erase_if(list->items(), [&](const model::Value& item) { return text(item.find("name")) == name; });
  if (list->items().empty()) out.erase(kTrials);
  return out;
}

}  // namespace meshstudio::app
