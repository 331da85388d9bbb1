package vn.doanthanhnien.admission.common;

/** The signed-in user may not see or change this: it belongs to another unit, or needs another role. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
