package vn.doanthanhnien.admission.deadline;

/** Published when an administrator changes the holiday list, so that {@link WorkingDays} reads it again. */
public record HolidaysChanged() {
}
