package vn.doanthanhnien.admission.stage;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps Party-only form fields (verification notes, opinions received) out of the engine's history. A form submission
 * sets them as process variables for the moment the stage is recorded; full history would otherwise keep their values
 * in the variable and detail tables, where every unit allowed to read the instance's history could read them. The
 * stage recorder stores them in the candidacy timeline, readable by the Party units only.
 *
 * <p>It also writes only the history that something here reads ({@link HistoryKept}): the history level stays
 * {@code full} (the user operation log, which names who did what, exists only at that level), but the detail rows of
 * every variable change and form submission and the application's own rule-table evaluations are not written.
 */
@Component
public class PartyOnlyHistoryFilter extends AbstractProcessEnginePlugin {

  private final PartyOnlyFields partyOnly;

  public PartyOnlyHistoryFilter(PartyOnlyFields partyOnly) {
    this.partyOnly = partyOnly;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(new Filter(new HistoryKept.Writer(), partyOnly));
  }

  static boolean isPartyOnly(HistoryEvent event, PartyOnlyFields partyOnly) {
    return event instanceof HistoricVariableUpdateEventEntity variable && partyOnly.contains(variable.getVariableName())
        || event instanceof HistoricFormPropertyEventEntity property && partyOnly.contains(property.getPropertyId());
  }

  private record Filter(HistoryEventHandler database, PartyOnlyFields partyOnly) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPartyOnly(event, partyOnly) && HistoryKept.isKept(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
