#pragma once

// Two texts aligned line by line for a side-by-side view, as a review tool shows them: lines
// both sides share face each other, a run of lines one side replaced by a run of the other's
// is paired up as changed, and what only one side has faces an empty filler line on the other.
// The line matching is a shortest edit script over whole lines (dtl, the "diff template
// library", Debian's libdtl-dev: Myers' O(ND) algorithm, the one `diff` uses), so that a
// changed weight in the middle of a manifest is one changed line, not a cascade. No widgets.

#include <QList>
#include <QString>
#include <QStringList>

namespace meshstudio::views {

struct AlignedLine {
  enum class Kind {
    Same,      ///< both sides have the line
    Changed,   ///< left and right differ: the left replaces the right
    LeftOnly,  ///< only the left has it (right is a filler)
    RightOnly  ///< only the right has it (left is a filler)
  };
  Kind kind = Kind::Same;
  int left = -1;   ///< 0-based line of the left text; -1 for a filler
  int right = -1;  ///< 0-based line of the right text; -1 for a filler
};

class SideBySideDiff {
 public:
  /// `left` and `right` split into lines (a final newline does not make an empty last line).
  static QList<AlignedLine> align(const QString& left, const QString& right);
  static QList<AlignedLine> align(const QStringList& left, const QStringList& right);
  /// The text's lines as `align` counts them.
  static QStringList linesOf(const QString& text);
};

}  // namespace meshstudio::views
