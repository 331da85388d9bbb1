package vn.doanthanhnien.admission.common;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A process instance tried to act on a candidacy that is not its own: started by hand with another candidacy's number
 * as its business key, at a task or an end event. Camunda answers it over REST as 403; the instance's transaction rolls
 * back whole, so the candidacy is untouched.
 */
public class ForeignInstanceException extends AuthorizationException {

  public ForeignInstanceException(String businessKey, String processInstanceId) {
    super("Quy trình " + processInstanceId + " không phải quy trình của hồ sơ số " + businessKey
        + " nên không được thay đổi hồ sơ này.");
  }
}
