package vn.doanthanhnien.admission.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import vn.doanthanhnien.admission.form.DeployedForm;
import vn.doanthanhnien.admission.stage.StageForm;
import vn.doanthanhnien.admission.stage.StageForms;
import vn.doanthanhnien.admission.support.PipelineTest;

/**
 * The checks a reviewer makes of the models, over what is deployed (every model of processes/ and forms/, deployed
 * together from the classpath): they open in Modeler and Cockpit, history is cleaned up, every form a model refers to
 * is deployed, and every variable an expression reads is written by a form, the model or the application before it is
 * read.
 */
@PipelineTest
class DeployedModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern GET_VARIABLE = Pattern.compile("(?:get|has)Variable\\('([^']+)'\\)");
  private static final Pattern SET_VARIABLE = Pattern.compile("setVariable\\('([^']+)'");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?!\\s*\\()");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");

  @Autowired RepositoryService repository;
  @Autowired StageForms stageForms;
  @Autowired ApplicationContext beans;

  @Test
  void everyDiagramHasItsShapesAndEdges() {
    for (ProcessDefinition definition : latestProcesses()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      List<String> undrawn = new ArrayList<>();
      model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).filter(id -> !drawn.contains(id))
          .forEach(undrawn::add);
      model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
          .filter(id -> !drawn.contains(id)).forEach(undrawn::add);
      assertThat(undrawn).as("elements of %s without a shape or edge", definition.getKey()).isEmpty();
    }
  }

  @Test
  void everyProcessAndDecisionHasAHistoryTimeToLive() {
    assertThat(latestProcesses()).isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive())
        .as("historyTimeToLive of %s", d.getKey()).isNotNull().isPositive());
    List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
    assertThat(decisions).isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive())
        .as("historyTimeToLive of %s", d.getKey()).isNotNull().isPositive());
  }

  /**
   * Forms are bound by their latest version ({@code formRefBinding="latest"}), as Tasklist resolves them: an
   * administrator who changes a form in Modeler deploys that form alone, and its next use takes the change. Every form
   * a model refers to is deployed, and every stage's rule table too.
   */
  @Test
  void everyFormAModelRefersToIsDeployedAndEveryStageRuleTableToo() {
    Set<String> deployedForms = new HashSet<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      deployedForms.addAll(formsOf(deployment.getId()).keySet());
    }
    for (ProcessDefinition definition : latestProcesses()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<ModelElementInstance> withForms = new ArrayList<>();
      withForms.addAll(model.getModelElementsByType(UserTask.class));
      withForms.addAll(model.getModelElementsByType(StartEvent.class));
      for (ModelElementInstance element : withForms) {
        String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
        String id = element.getAttributeValue("id");
        if (element instanceof UserTask) {
          assertThat(formRef).as("user task %s of %s has a Camunda Form", id, definition.getKey()).isNotNull();
        }
        if (formRef != null) {
          assertThat(element.getAttributeValueNs(CAMUNDA, "formRefBinding")).as("binding of %s's form", id)
              .isEqualTo("latest");
          assertThat(deployedForms).as("form %s of %s is deployed", formRef, id).contains(formRef);
        }
      }
      if (isStageProcess(definition)) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          StageForm stage = stageForms.of(definition.getId(), task.getId());
          if (stage.checks() != null) {
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(stage.checks()).count())
                .as("rule table %s of %s is deployed", stage.checks(), task.getId()).isPositive();
          }
          stage.fields().forEach(field -> field.pattern().ifPresent(pattern -> assertThat(compiles(pattern))
              .as("pattern of %s.%s compiles", task.getId(), field.key()).isTrue()));
        }
      }
    }
  }

  /**
   * Every name an expression of a model reads (a gateway's condition, a due date, a candidate group, a timer) is
   * written before it: by a form of a user task that comes earlier in the flow (its field, or the stage's result
   * {@code <task>_<field>}), by the start form, by the model itself (a result variable, an element variable, a
   * {@code setVariable}), or by the application (the variables its process descriptors name). A Spring bean an
   * expression calls is not a variable. Written "before" is by the flow for forms, anywhere in the model for the rest.
   */
  @Test
  void everyVariableAnExpressionReadsIsWrittenBeforeIt() {
    Set<String> byApplication = new HashSet<>();
    byApplication.addAll(constants(PartyAdmissionProcess.Var.class));
    byApplication.addAll(constants(ProbationProcess.Var.class));
    List<String> unwritten = new ArrayList<>();
    for (ProcessDefinition definition : latestProcesses()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Map<String, DeployedForm> forms = new HashMap<>();
      repository.createDeploymentQuery().list().forEach(d -> forms.putAll(formsOf(d.getId())));
      Set<String> anywhere = new HashSet<>(byApplication);
      Map<String, Set<String>> byNode = new HashMap<>();
      for (ModelElementInstance element : model.getModelElementsByType(model.getModel().getType(FlowNode.class))) {
        String id = element.getAttributeValue("id");
        String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
        Set<String> written = new HashSet<>();
        if (formRef != null && forms.containsKey(formRef)) {
          for (String field : forms.get(formRef).keys()) {
            written.add(field);
            written.add(PartyAdmissionProcess.result(id, field));
          }
          written.add(PartyAdmissionProcess.result(id, PartyAdmissionProcess.PASSED));
        }
        for (String attribute : List.of("resultVariable", "elementVariable", "initiator")) {
          String name = element.getAttributeValueNs(CAMUNDA, attribute);
          if (name != null) {
            anywhere.add(name);
          }
        }
        byNode.put(id, written);
      }
      String xml = xmlOf(definition);
      Matcher set = SET_VARIABLE.matcher(xml);
      while (set.find()) {
        anywhere.add(set.group(1));
      }
      model.getModelElementsByType(model.getModel().getType(
          org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter.class)).forEach(p ->
          anywhere.add(p.getAttributeValue("name")));
      for (Element element : elementsWithIds(xml)) {
        String id = element.getAttribute("id");
        String owner = ownerNode(model.getModelElementById(id));
        for (String read : reads(element)) {
          boolean written = anywhere.contains(read) || beans.containsBean(read)
              || owner != null && upstream(model, owner).stream().anyMatch(n -> byNode.getOrDefault(n, Set.of())
                  .contains(read));
          if (!written) {
            unwritten.add(definition.getKey() + "/" + id + " reads " + read);
          }
        }
      }
    }
    assertThat(unwritten).isEmpty();
  }

  /** Every element of the model's XML that has an id: flow nodes, flows, event definitions, the process. */
  private static List<Element> elementsWithIds(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList all = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
          .getElementsByTagNameNS("*", "*");
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        if (!element.getAttribute("id").isEmpty() && element.getNamespaceURI().contains("BPMN/20100524/MODEL")) {
          elements.add(element);
        }
      }
      return elements;
    } catch (Exception e) {
      throw new AssertionError("model is not readable XML", e);
    }
  }

  /**
   * The names an element reads in expressions: in its attributes and in those and the text of its parts that have no
   * id of their own (a condition, a listener, an input parameter), leaving documentation out.
   */
  private static Set<String> reads(Element element) {
    StringBuilder text = new StringBuilder();
    collectText(element, text, true);
    Set<String> names = new HashSet<>();
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher get = GET_VARIABLE.matcher(body);
      while (get.find()) {
        names.add(get.group(1));
      }
      Matcher identifier = IDENTIFIER.matcher(body.replaceAll("'[^']*'", "''"));
      while (identifier.find()) {
        if (!EL_WORDS.contains(identifier.group(1))) {
          names.add(identifier.group(1));
        }
      }
    }
    return names;
  }

  private static void collectText(Element element, StringBuilder text, boolean itself) {
    if (!itself && (!element.getAttribute("id").isEmpty() || element.getLocalName().equals("documentation"))) {
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      text.append(attributes.item(i).getNodeValue()).append('\n');
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element part) {
        collectText(part, text, false);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue()).append('\n');
      }
    }
  }

  /** The flow node an element belongs to: itself, or the source of a sequence flow, or the node it is part of. */
  private static String ownerNode(ModelElementInstance element) {
    if (element instanceof SequenceFlow flow) {
      return flow.getSource().getId();
    }
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof FlowNode node) {
        return node.getId();
      }
    }
    return null;
  }

  /** The node and every node from which it can be reached: following incoming flows and boundary events' hosts. */
  private static Set<String> upstream(BpmnModelInstance model, String nodeId) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> todo = new ArrayDeque<>();
    todo.add(model.getModelElementById(nodeId));
    while (!todo.isEmpty()) {
      FlowNode node = todo.pop();
      if (!seen.add(node.getId())) {
        continue;
      }
      node.getIncoming().forEach(flow -> todo.add(flow.getSource()));
      if (node instanceof BoundaryEvent boundary) {
        todo.add(boundary.getAttachedTo());
      }
      if (node.getParentElement() instanceof SubProcess sub) {
        todo.add(sub);
      }
    }
    return seen;
  }

  private List<ProcessDefinition> latestProcesses() {
    return repository.createProcessDefinitionQuery().latestVersion().list();
  }

  private static boolean isStageProcess(ProcessDefinition definition) {
    return definition.getKey().equals(PartyAdmissionProcess.KEY) || definition.getKey().equals(ProbationProcess.KEY);
  }

  private Map<String, DeployedForm> formsOf(String deploymentId) {
    Map<String, DeployedForm> forms = new HashMap<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (resource.getName().endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
          DeployedForm form = DeployedForm.parse(JSON.readTree(in));
          forms.put(form.id(), form);
        } catch (IOException e) {
          throw new AssertionError("form " + resource.getName() + " is not readable JSON", e);
        }
      }
    }
    return forms;
  }

  private String xmlOf(ProcessDefinition definition) {
    try (InputStream in = repository.getProcessModel(definition.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Collection<String> constants(Class<?> holder) {
    List<String> names = new ArrayList<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return names;
  }

  private static boolean compiles(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
