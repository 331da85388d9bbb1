package vn.doanthanhnien.admission.member;

/** Yearly Youth Union rating: hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
public enum Rating {
  EXCELLENT,
  GOOD,
  COMPLETED,
  NOT_COMPLETED
}
