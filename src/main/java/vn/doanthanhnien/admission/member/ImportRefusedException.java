package vn.doanthanhnien.admission.member;

import java.util.List;

/**
 * An imported file refused as a whole, nothing stored: either the file itself cannot be used (its reasons) or some of
 * its cells are wrong (every one of them). Messages in Vietnamese.
 */
public class ImportRefusedException extends RuntimeException {

  /** A wrong cell: the file's row (the header is row 1), the column as named in the header, the value as read. */
  public record Problem(int row, String column, String value, String reason) {
  }

  private final List<String> reasons;
  private final List<Problem> problems;

  private ImportRefusedException(String message, List<String> reasons, List<Problem> problems) {
    super(message);
    this.reasons = List.copyOf(reasons);
    this.problems = List.copyOf(problems);
  }

  static ImportRefusedException file(String reason) {
    return new ImportRefusedException("Không nhập được tệp: " + reason, List.of(reason), List.of());
  }

  static ImportRefusedException cells(String message, List<Problem> problems) {
    return new ImportRefusedException(message, List.of(), problems);
  }

  public List<String> getReasons() {
    return reasons;
  }

  public List<Problem> getProblems() {
    return problems;
  }
}
