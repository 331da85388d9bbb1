package vn.doanthanhnien.admission.common;

/** Text samples for the tests of {@link PrintableText}. */
public final class PrintableTextPdfSample {

  /** Every Vietnamese vowel with each of the six tones, and the consonants, in lower case. */
  public static final String VIETNAMESE = "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
      + "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ "
      + "b c d đ g h k l m n p q r s t v x";

  private PrintableTextPdfSample() {
  }
}
