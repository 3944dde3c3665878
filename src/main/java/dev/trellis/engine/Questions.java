package dev.trellis.engine;

import dev.trellis.flow.Option;
import dev.trellis.flow.Step;
import dev.trellis.flow.StepKind;
import dev.trellis.flow.Templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a question step into the outbound message channels render. A choice's options are remembered in the
 * conversation ({@code _options}) so the answer saves the option itself, even when it came from the person's data
 * and that data changed since.
 */
final class Questions {

    private Questions() {
    }

    /** "This Friday", "In 2 weeks", "End of month" ({@code trellis.date.quick}), each with the date it means today. */
    static List<Outbound.Choice> dateShortcuts(TurnRun run) {
        List<Outbound.Choice> quick = new ArrayList<>();
        for (String label : run.variants("trellis.date.quick")) {
            java.time.LocalDate date = run.readDate(label);
            if (date != null && !date.isBefore(run.today())) quick.add(new Outbound.Choice(date.toString(), label));
        }
        return quick;
    }

    static Outbound question(TurnRun run, Step step, String controlId) {
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Ask a) {
            Outbound.Kind type = a.type() == StepKind.AnswerType.NUMBER ? Outbound.Kind.NUMBER
                    : a.type() == StepKind.AnswerType.DATE ? Outbound.Kind.DATE : Outbound.Kind.QUESTION;
            List<Outbound.Choice> quick = type == Outbound.Kind.DATE ? dateShortcuts(run) : List.of();
            // a date question's picker says "Pick a date" in the person's language
            String picker = type == Outbound.Kind.DATE
                    ? run.variants("trellis.pickDate").stream().findFirst().orElse(null) : null;
            return new Outbound(run.nextId(), type, run.text(a.text(), Map.of()), quick, false, null, null, picker, null,
                    controlId, null);
        }
        if (kind instanceof StepKind.Choice c) {
            return new Outbound(run.nextId(), Outbound.Kind.CHOICE, run.text(c.text(), Map.of()), offer(run, c), c.multiple(),
                    null, null, null, null, controlId, null);
        }
        if (kind instanceof StepKind.Scale s) {
            return new Outbound(run.nextId(), Outbound.Kind.SCALE, run.text(s.text(), Map.of()), List.of(), false, s.min(),
                    s.max(), run.optionalText(s.minLabel()), run.optionalText(s.maxLabel()), controlId, null);
        }
        if (kind instanceof StepKind.Share share) kind = share.asConfirm();
        if (kind instanceof StepKind.Confirm c) {
            return Outbound.confirm(run.nextId(), run.text(c.text(), Map.of()), yesLabel(run, c), noLabel(run, c),
                    controlId);
        }
        throw new IllegalStateException("step '" + step.id() + "' is not a question");
    }

    /** Computes a choice's options, remembering their values so the answer saves the option itself. */
    private static List<Outbound.Choice> offer(TurnRun run, StepKind.Choice c) {
        List<Outbound.Choice> offered = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (c.optionsExpr() != null) {
            Object listed = c.optionsExpr().evaluate(run.activation());
            List<?> items = listed instanceof List<?> l ? l : List.of();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> scope = new Scope(java.util.Collections.singletonMap("option", items.get(i)), run.activation());
                Object value = c.value() == null ? items.get(i) : c.value().evaluate(scope);
                Object label = c.label() == null ? items.get(i) : c.label().evaluate(scope);
                offered.add(new Outbound.Choice(Integer.toString(i), Templates.plain(label)));
                values.add(value);
            }
        } else {
            for (Option o : c.options()) {
                offered.add(new Outbound.Choice(o.value(), run.text(o.label(), Map.of())));
                values.add(o.value());
            }
        }
        Map<String, Object> remembered = new LinkedHashMap<>();
        remembered.put("choices", offered.stream().map(o -> List.of(o.value(), o.label())).toList());
        remembered.put("values", values);
        run.vars.put(TurnRun.OPTIONS_VAR, remembered);
        return offered;
    }

    @SuppressWarnings("unchecked")
    static List<Outbound.Choice> offeredChoices(TurnRun run) {
        Object remembered = run.vars.get(TurnRun.OPTIONS_VAR);
        if (!(remembered instanceof Map<?, ?> m)) return List.of();
        List<Outbound.Choice> choices = new ArrayList<>();
        for (Object pair : (List<Object>) m.get("choices")) {
            List<Object> p = (List<Object>) pair;
            choices.add(new Outbound.Choice(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
        }
        return choices;
    }

    @SuppressWarnings("unchecked")
    static List<Object> offeredValues(TurnRun run) {
        Object remembered = run.vars.get(TurnRun.OPTIONS_VAR);
        return remembered instanceof Map<?, ?> m ? (List<Object>) m.get("values") : List.of();
    }

    static String yesLabel(TurnRun run, StepKind.Confirm c) {
        return c.yes() != null ? run.text(c.yes(), Map.of()) : run.message("trellis.yes", Map.of());
    }

    static String noLabel(TurnRun run, StepKind.Confirm c) {
        return c.no() != null ? run.text(c.no(), Map.of()) : run.message("trellis.no", Map.of());
    }
}
