#include "model/FieldPath.h"

#include <algorithm>
#include <charconv>

namespace meshstudio::model {

std::optional<FieldPath> FieldPath::parse(std::string_view path) {
  FieldPath out;
  out.text_ = std::string(path);
  std::size_t i = 0;
  bool expectKey = true;  // at the start and after a '.', a bare key must follow
  while (i < path.size()) {
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos || close == i + 1) return std::nullopt;
      std::string_view inside = path.substr(i + 1, close - i - 1);
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), index);
      Step step;
      if (ec == std::errc() && ptr == inside.data() + inside.size())
        step.index = index;
      else
        step.key = std::string(inside);  // `[app.kubernetes.io/name]`
      out.steps_.push_back(std::move(step));
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (path[i] == '.') {
      if (expectKey) return std::nullopt;  // leading dot or `a..b`
      ++i;
      expectKey = true;
      if (i == path.size()) return std::nullopt;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    out.steps_.push_back(Step{std::string(path.substr(i, end - i)), std::nullopt});
    i = end;
    expectKey = false;
  }
  if (out.steps_.empty()) return std::nullopt;
  return out;
}

const Value* FieldPath::find(const Value& root) const {
  const Value* current = &root;
  for (const Step& step : steps_) {
    if (step.index) {
      if (!current->isSeq() || *step.index >= current->items().size()) return nullptr;
      current = &current->items()[*step.index];
    } else {
      current = current->find(step.key);
      if (!current) return nullptr;
    }
  }
  return current;
}

std::string FieldPath::apply(Value& root, const std::optional<Value>& value) const {
  Value* current = &root;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) {
    const Step& step = steps_[i];
    const Step& next = steps_[i + 1];
    if (step.index) {
      if (!current->isSeq() || *step.index >= current->items().size())
        return text_ + ": no item " + std::to_string(*step.index);
      current = &current->items()[*step.index];
      continue;
    }
    if (!current->isMap() && !current->isNull()) return text_ + ": " + step.key + " is inside a non-map value";
    Value* child = current->find(step.key);
    if (!child) {
      if (!value) return {};  // removing something that is not there: nothing to do
      // Create only what the rest of the path needs; a sequence only when it starts at item 0.
      if (next.index && *next.index != 0) return text_ + ": no item " + std::to_string(*next.index);
      child = &current->set(step.key, next.index ? Value::seq() : Value::map());
    }
    current = child;
  }

  const Step& last = steps_.back();
  if (last.index) {
    if (!current->isSeq()) return text_ + ": not a list";
    auto& items = current->items();
    if (!value) {
      if (*last.index >= items.size()) return {};
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(*last.index));
    } else if (*last.index < items.size()) {
      items[*last.index] = *value;
    } else if (*last.index == items.size()) {
      items.push_back(*value);
    } else {
      return text_ + ": no item " + std::to_string(*last.index);
    }
    return {};
  }
  if (!current->isMap() && !current->isNull()) return text_ + ": " + last.key + " is inside a non-map value";
  if (!value)
    current->erase(last.key);
  else
    current->set(last.key, *value);  // keeps an existing key's position
  return {};
}

std::string FieldPath::moveItem(Value& root, std::size_t from, std::size_t to) const {
  const Value* found = find(root);
  if (!found || !found->isSeq()) return text_ + ": not a list";
  auto& items = const_cast<Value*>(found)->items();  // `root` is ours to modify; find() is const-only
  if (from >= items.size() || to >= items.size()) return text_ + ": no such item";
  auto first = items.begin();
  if (from < to)
    std::rotate(first + static_cast<std::ptrdiff_t>(from), first + static_cast<std::ptrdiff_t>(from) + 1,
                first + static_cast<std::ptrdiff_t>(to) + 1);
  else if (from > to)
    std::rotate(first + static_cast<std::ptrdiff_t>(to), first + static_cast<std::ptrdiff_t>(from),
                first + static_cast<std::ptrdiff_t>(from) + 1);
  return {};
}

bool FieldPath::isWithin(std::string_view path, std::string_view ancestor) {
  const auto full = parse(path);
  const auto head = parse(ancestor);
  if (!full || !head || head->steps_.size() > full->steps_.size()) return false;
  for (std::size_t i = 0; i < head->steps_.size(); ++i)
    if (full->steps_[i].key != head->steps_[i].key || full->steps_[i].index != head->steps_[i].index) return false;
  return true;
}

std::optional<std::size_t> FieldPath::itemIndex(std::string_view path, std::string_view listPath) {
  const auto full = parse(path);
  const auto list = parse(listPath);
  if (!full || !list || full->steps_.size() <= list->steps_.size()) return std::nullopt;
  for (std::size_t i = 0; i < list->steps_.size(); ++i)
    if (full->steps_[i].key != list->steps_[i].key || full->steps_[i].index != list->steps_[i].index)
      return std::nullopt;
  return full->steps_[list->steps_.size()].index;
}

std::string FieldPath::prefixText(std::size_t depth) const {
  std::string text;
  for (std::size_t i = 0; i < depth && i < steps_.size(); ++i) {
    const Step& step = steps_[i];
    if (step.index)
      text += "[" + std::to_string(*step.index) + "]";
    else if (step.key.find('.') != std::string::npos)
      text += "[" + step.key + "]";
    else
      text += (text.empty() ? "" : ".") + step.key;
  }
  return text;
}

std::vector<FieldEdit> withEmptiedParentsRemoved(const Value& document, std::vector<FieldEdit> edits) {
  Value result = document;
  for (const FieldEdit& edit : edits)
    if (const auto path = FieldPath::parse(edit.path)) (void)path->apply(result, edit.value);
  const std::size_t proposed = edits.size();
  for (std::size_t e = 0; e < proposed; ++e) {
    const auto path = FieldPath::parse(edits[e].path);
    if (edits[e].value || !path) continue;
    const auto& steps = path->steps();
    std::string emptied;
    for (std::size_t depth = steps.size() - 1; depth >= 2; --depth) {
      if (steps[depth - 1].index) break;  // a list item stays
      const std::string parent = path->prefixText(depth);
      const auto parentPath = FieldPath::parse(parent);
      const Value* node = parentPath ? parentPath->find(result) : nullptr;
      if (!node || node->isScalar() || node->size() != 0) break;
      (void)parentPath->apply(result, std::nullopt);
      emptied = parent;
    }
    if (!emptied.empty()) edits.push_back({emptied, std::nullopt});
  }
  return edits;
}

}  // namespace meshstudio::model
