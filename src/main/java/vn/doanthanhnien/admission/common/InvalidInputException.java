package vn.doanthanhnien.admission.common;

import java.util.List;

/** Input a user must correct: carries every reason, each a sentence in Vietnamese. */
public class InvalidInputException extends RuntimeException {

  private final List<String> reasons;

  public InvalidInputException(List<String> reasons) {
    super(sentences(reasons));
    this.reasons = List.copyOf(reasons);
  }

  /** {@code headline} says what was refused ("Không thể đề cử đoàn viên …"); the message lists the reasons after it. */
  public InvalidInputException(String headline, List<String> reasons) {
    super(headline + ": " + sentences(reasons));
    this.reasons = List.copyOf(reasons);
  }

  public InvalidInputException(String reason) {
    this(List.of(reason));
  }

  private static String sentences(List<String> reasons) {
    return String.join(" ", reasons.stream().map(r -> r.endsWith(".") ? r : r + ".").toList());
  }

  public List<String> getReasons() {
    return reasons;
  }
}
