package vn.doanthanhnien.admission.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.doanthanhnien.admission.common.InvalidInputException;
import vn.doanthanhnien.admission.member.BranchRatings.MemberRating;
import vn.doanthanhnien.admission.member.BranchRatings.RatingOfYear;
import vn.doanthanhnien.admission.member.BranchRatings.Recorded;

/** The yearly rating of a branch's members, and each member's history of ratings. */
@Tag(name = "Xếp loại đoàn viên", description = "Đánh giá, xếp loại đoàn viên hằng năm")
@RestController
public class RatingController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final BranchRatings ratings;

  public RatingController(BranchRatings ratings) {
    this.ratings = ratings;
  }

  /** One member's rating in the list; values stay text so that a wrong one is named, not a failed JSON parse. */
  public record RatingRequest(String memberCode, String rating) {
  }

  public record RecordedView(String branchCode, int year, int recorded, int replaced, List<String> unrated,
      String message) {
    static RecordedView of(Recorded r) {
      return new RecordedView(r.branchCode(), r.year(), r.recorded(), r.replaced(), r.unrated(), r.message());
    }
  }

  @Operation(summary = "Ghi xếp loại năm của cả chi đoàn", description = "Bí thư chi đoàn, Ban Chấp hành Đoàn cơ sở "
      + "cấp trên hoặc quản trị viên. Danh sách [{memberCode, rating}], rating là EXCELLENT, GOOD, COMPLETED, "
      + "NOT_COMPLETED (hoặc tên tiếng Việt). Ghi tất cả hoặc không ghi gì: đoàn viên không thuộc chi đoàn, xếp loại "
      + "không hợp lệ, năm chưa đến, đoàn viên có hai lần đều bị từ chối (400). Ghi lại một năm đã ghi thì thay xếp "
      + "loại năm đó của các đoàn viên có trong danh sách.")
  @PutMapping("/api/branches/{branch}/ratings/{year}")
  public RecordedView record(@PathVariable String branch, @PathVariable int year,
      @RequestBody List<RatingRequest> body) {
    List<BranchRatings.Entry> entries = new ArrayList<>();
    Map<Integer, String> codeOfRow = new HashMap<>();
    for (int i = 0; i < body.size(); i++) {
      RatingRequest r = body.get(i) == null ? new RatingRequest(null, null) : body.get(i);
      entries.add(new BranchRatings.Entry(i + 1, r.memberCode(), r.rating()));
      codeOfRow.put(i + 1, r.memberCode());
    }
    try {
      return RecordedView.of(ratings.record(branch, year, entries));
    } catch (BranchRatings.EntriesRefusedException e) {
      throw new InvalidInputException("Không thể ghi xếp loại năm " + year + " của chi đoàn " + branch
          + "; chưa ghi xếp loại nào", BranchRatings.sentences(e.getProblems(), codeOfRow));
    }
  }

  @Operation(summary = "Xếp loại một năm của các đoàn viên chi đoàn", description = "Mỗi đoàn viên của chi đoàn với "
      + "xếp loại năm đó (null khi chưa xếp loại).")
  @GetMapping("/api/branches/{branch}/ratings/{year}")
  public List<MemberRating> ofYear(@PathVariable String branch, @PathVariable int year) {
    return ratings.ofYear(branch, year);
  }

  @Operation(summary = "Mẫu Excel xếp loại năm của chi đoàn", description = "Các đoàn viên của chi đoàn với các cột "
      + "memberCode, fullName, rating (xếp loại đã ghi của năm đó, nếu có), để điền rồi tải lên "
      + "POST /api/branches/{branch}/ratings/{year}/import.")
  @GetMapping("/api/branches/{branch}/ratings/{year}.xlsx")
  public ResponseEntity<byte[]> sheet(@PathVariable String branch, @PathVariable int year) {
    byte[] sheet = RatingSheet.of(year, ratings.ofYear(branch, year));
    return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("xep-loai-" + year + "-" + branch + ".xlsx").build().toString())
        .body(sheet);
  }

  @Operation(summary = "Lịch sử xếp loại của một đoàn viên", description = "Xếp loại từng năm, năm sớm nhất trước; "
      + "recordedBy trống với xếp loại khai khi đăng ký đoàn viên.")
  @GetMapping("/api/members/{code}/ratings")
  public List<RatingOfYear> history(@PathVariable String code) {
    return ratings.history(code);
  }
}
