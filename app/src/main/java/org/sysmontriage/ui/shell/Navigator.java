package org.sysmontriage.ui.shell;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.ui.common.History;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.events.EventsViewModel;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.sysmontriage.ui.incidents.IncidentsViewModel;

/**
 * Back / Forward (Alt+Left / Alt+Right) over what the analyst looked at: hits chosen in the table or on
 * the timeline, related events and process-tree nodes opened in the details, events of the Events view,
 * incidents, and the steps opened from an incident. A place names events, not table rows, so it stays
 * valid when the allowlist rebuilds the hit table; a new investigation forgets every place. Each place also
 * keeps the Hits and Events views' filters, sort and grouping as they were, and going back sets them again.
 */
final class Navigator {
  enum View { HITS, EVENTS, INCIDENTS }

  /**
   * @param event the event the details show
   * @param selected the event of the row selected in the view's table (a related event leaves it), or -1
   * @param incident the incident's id (Incidents view)
   * @param hitsView the Hits view's filters, sort and grouping when the place was shown
   * @param eventsView the Events view's filters, sort and grouping when the place was shown
   */
  record Place(View view, int event, int selected, String incident, HitsViewModel.ViewState hitsView,
      EventsViewModel.ViewState eventsView) {}

  private final ShellViewModel.Parts parts;
  private final IncidentsViewModel incidents;
  private final History<Place> history = new History<>();
  private Consumer<String> showTab = id -> {};
  private boolean restoring;

  Navigator(ShellViewModel.Parts parts, IncidentsViewModel incidents) {
    this.parts = parts;
    this.incidents = incidents;
    parts.hitDetails().shownProperty().addListener((o, a, e) -> {
      if (e.intValue() >= 0) {
        record(new Place(View.HITS, e.intValue(), selectedHitEvent(), null, parts.hits().viewState(), parts.events().viewState()));
      }
    });
    parts.events().details().shownProperty().addListener((o, a, e) -> {
      if (e.intValue() >= 0) {
        record(new Place(View.EVENTS, e.intValue(), parts.events().selectedProperty().get(), null, parts.hits().viewState(),
            parts.events().viewState()));
      }
    });
    incidents.selectedProperty().addListener((o, a, i) -> {
      if (i != null) {
        record(new Place(View.INCIDENTS, -1, -1, i.id(), parts.hits().viewState(), parts.events().viewState()));
      }
    });
  }

  void onShowTab(Consumer<String> show) {
    showTab = show;
  }

  private void record(Place p) {
    if (!restoring) {
      history.visit(p);
    }
  }

  private int selectedHitEvent() {
    int h = parts.hits().selectedHitProperty().get();
    HitTable t = parts.hits().table();
    return h >= 0 && h < t.size() ? t.hit(h).event() : -1;
  }

  void clear() {
    history.clear();
  }

  void back() {
    restore(history.back());
  }

  void forward() {
    restore(history.forward());
  }

  ReadOnlyBooleanProperty canGoBackProperty() {
    return history.canGoBackProperty();
  }

  ReadOnlyBooleanProperty canGoForwardProperty() {
    return history.canGoForwardProperty();
  }

  private void showInHitDetails(HitTable t, int event) {
    DetailsViewModel d = parts.hitDetails();
    if (d.event() != event || d.store() != t.store()) {
      int h = t.hitOfEvent(event);
      Hit hit = h < 0 ? null : t.hit(h);
      d.show(t.store(), event, hit);
    }
  }

  private void restore(Place p) {
    if (p == null) {
      return;
    }
    restoring = true;
    try {
      parts.hits().restore(p.hitsView());
      parts.events().restore(p.eventsView());
      switch (p.view()) {
        case HITS -> {
          showTab.accept(Ids.TAB_HITS);
          HitTable t = parts.hits().table();
          int h = p.selected() < 0 ? -1 : t.hitOfEvent(p.selected());
          if (h >= 0 && h != parts.hits().selectedHitProperty().get()) {
            parts.hits().selectedHitProperty().set(h);
          }
          showInHitDetails(t, p.event());
        }
        case EVENTS -> {
          showTab.accept(Ids.TAB_EVENTS);
          parts.events().selectedProperty().set(p.selected());
          if (parts.events().details().event() != p.event()) {
            parts.events().details().showRelated(p.event());
          }
        }
        case INCIDENTS -> {
          showTab.accept(IncidentIds.TAB);
          incidents.incidents().stream().filter(i -> i.id().equals(p.incident())).findFirst()
              .ifPresent(i -> incidents.selectedProperty().set(i));
        }
      }
    } finally {
      restoring = false;
    }
  }
}
