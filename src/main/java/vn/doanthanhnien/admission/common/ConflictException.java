package vn.doanthanhnien.admission.common;

/** The request is valid but clashes with the current state (a duplicate, a closed candidacy); message in Vietnamese. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
