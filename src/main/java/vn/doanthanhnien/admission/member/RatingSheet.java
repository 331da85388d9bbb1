package vn.doanthanhnien.admission.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sheet a branch secretary fills in for a year's rating: the branch's members under the columns that
 * {@link RatingImport} reads, each with the year's rating already recorded (as its Vietnamese name), the rating cells
 * offering the four ratings as a list.
 */
final class RatingSheet {

  private RatingSheet() {
  }

  static byte[] of(int year, List<BranchRatings.MemberRating> members) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Xếp loại " + year);
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue(RatingImport.CODE);
      header.createCell(1).setCellValue(RatingImport.NAME);
      header.createCell(2).setCellValue(RatingImport.RATING);
      for (int i = 0; i < members.size(); i++) {
        BranchRatings.MemberRating member = members.get(i);
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(member.memberCode());
        row.createCell(1).setCellValue(member.fullName());
        if (member.rating() != null) {
          row.createCell(2).setCellValue(member.rating().label());
        }
      }
      if (!members.isEmpty()) {
        DataValidationHelper validation = sheet.getDataValidationHelper();
        String[] labels = Arrays.stream(Rating.values()).map(Rating::label).toArray(String[]::new);
        sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(labels),
            new CellRangeAddressList(1, members.size(), 2, 2)));
      }
      sheet.setColumnWidth(0, 18 * 256);
      sheet.setColumnWidth(1, 32 * 256);
      sheet.setColumnWidth(2, 32 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
