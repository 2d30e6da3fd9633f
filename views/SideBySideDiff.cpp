#include "views/SideBySideDiff.h"

#include <dtl/dtl.hpp>

#include <string>
#include <vector>

namespace meshstudio::views {
namespace {

/// Lines as std::string: dtl compares elements with ==, and std::string keeps it in the
/// standard library (QString would need dtl's stream printers to compile cleanly).
std::vector<std::string> toStd(const QStringList& lines) {
  std::vector<std::string> out;
  out.reserve(std::size_t(lines.size()));
  for (const QString& line : lines) out.push_back(line.toStdString());
  return out;
}

}  // namespace

QStringList SideBySideDiff::linesOf(const QString& text) {
  if (text.isEmpty()) return {};
  QStringList lines = text.split(QLatin1Char('\n'));
  if (text.endsWith(QLatin1Char('\n'))) lines.removeLast();
  return lines;
}

QList<AlignedLine> SideBySideDiff::align(const QString& left, const QString& right) {
  return align(linesOf(left), linesOf(right));
}

QList<AlignedLine> SideBySideDiff::align(const QStringList& left, const QStringList& right) {
  // dtl's script turns its first sequence into its second: with `right` first, an SES_ADD is a
  // line only the left has, an SES_DELETE one only the right has.
  const std::vector<std::string> a = toStd(right), b = toStd(left);
  dtl::Diff<std::string> diff(a, b);
  diff.compose();
  const auto& script = diff.getSes().getSequence();

  QList<AlignedLine> aligned;
  // A run of deletions and additions between two common lines is one replaced block: its lines
  // are paired up in order (changed), what is left over faces fillers.
  QList<int> rightRun, leftRun;
  auto flush = [&] {
    const qsizetype paired = std::min(leftRun.size(), rightRun.size());
    for (qsizetype i = 0; i < paired; ++i) aligned.append({AlignedLine::Kind::Changed, leftRun[i], rightRun[i]});
    for (qsizetype i = paired; i < leftRun.size(); ++i) aligned.append({AlignedLine::Kind::LeftOnly, leftRun[i], -1});
    for (qsizetype i = paired; i < rightRun.size(); ++i)
      aligned.append({AlignedLine::Kind::RightOnly, -1, rightRun[i]});
    leftRun.clear();
    rightRun.clear();
  };
  for (const auto& [line, info] : script) {
    Q_UNUSED(line);
    // dtl's indexes are 1-based.
    switch (info.type) {
      case dtl::SES_COMMON:
        flush();
        aligned.append({AlignedLine::Kind::Same, int(info.afterIdx) - 1, int(info.beforeIdx) - 1});
        break;
      case dtl::SES_ADD:
        leftRun.append(int(info.afterIdx) - 1);
        break;
      case dtl::SES_DELETE:
        rightRun.append(int(info.beforeIdx) - 1);
        break;
    }
  }
  flush();
  return aligned;
}

}  // namespace meshstudio::views
