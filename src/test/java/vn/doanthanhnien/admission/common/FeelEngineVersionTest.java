package vn.doanthanhnien.admission.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine under the rule tables is the patch release that builds its built-in functions once (pom.xml pins
 * it above the 1.19.3 Camunda 7.24 brings, which built them anew for every expression: a rule table took about seven
 * times the CPU), and Camunda's DMN engine evaluates with it.
 */
class FeelEngineVersionTest {

  @Test
  void theRuleTablesRunOnAFeelEngineThatBuildsItsFunctionsOnce() throws IOException {
    Properties feel = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
      assertThat(in).as("feel-engine on the class path").isNotNull();
      feel.load(in);
    }
    int[] version = Arrays.stream(feel.getProperty("version").split("[.-]")).limit(3)
        .mapToInt(Integer::parseInt).toArray();

    assertThat(version[0] * 1_000_000 + version[1] * 1_000 + version[2]).as("feel-engine " + feel.getProperty("version"))
        .isGreaterThanOrEqualTo(1_019_004);
  }

  @Test
  void camundasDmnEngineEvaluatesFeelWithIt() {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    String table = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
          <decision id="share" name="share">
            <decisionTable id="t" hitPolicy="FIRST">
              <input id="i"><inputExpression id="e" typeRef="number"><text>votesFor / memberCount</text></inputExpression></input>
              <output id="o" name="passed" typeRef="boolean"/>
              <rule id="r1"><inputEntry id="a"><text>&gt; 0.5</text></inputEntry><outputEntry id="b"><text>true</text></outputEntry></rule>
              <rule id="r2"><inputEntry id="c"><text>-</text></inputEntry><outputEntry id="f"><text>false</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";
    var decision = engine.parseDecision("share", new ByteArrayInputStream(
        table.getBytes(StandardCharsets.UTF_8)));

    assertThat((Boolean) engine.evaluateDecisionTable(decision, Variables.putValue("votesFor", 6).putValue("memberCount", 10))
        .getSingleEntry()).isTrue();
    assertThat((Boolean) engine.evaluateDecisionTable(decision, Variables.putValue("votesFor", 5).putValue("memberCount", 10))
        .getSingleEntry()).isFalse();
  }
}
