package vn.doanthanhnien.admission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartyAdmissionApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartyAdmissionApplication.class, args);
  }
}
