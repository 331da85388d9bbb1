package vn.doanthanhnien.admission.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages by feature depend on each other in one direction only, and the process descriptors ({@code process/},
 * the names of the models Java relies on) depend on no feature: a feature can be read, changed and tested without the
 * ones that use it.
 */
@AnalyzeClasses(packages = "vn.doanthanhnien.admission", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  private static final String BASE = "vn.doanthanhnien.admission";

  @ArchTest
  static final ArchRule noCycleBetweenFeatures = slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule processDescriptorsDependOnNoFeature = noClasses().that().resideInAPackage(BASE + ".process..")
      .should().dependOnClassesThat(DescribedPredicate.describe("a class of a feature package",
          c -> c.getPackageName().startsWith(BASE + ".") && !c.getPackageName().startsWith(BASE + ".process")));
}
