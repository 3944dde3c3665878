package dev.trellis.privacy;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/**
 * {@code privacy.export}: prepares the export of the person this conversation belongs to (never of an id the flow
 * or the person passes in) and hands it to the chat as files ({@code fileId}), which only that person can open.
 */
@Component
@ActionName("privacy.export")
final class ExportAction implements ActionHandler {

    private final PersonalExport export;

    ExportAction(PersonalExport export) {
        this.export = export;
    }

    @Override
    public Map<String, Object> run(Request request) {
        String id = export.prepare(request.personId(), request.idempotencyKey());
        return Map.of("fileId", id, "fileTitle", "Your Trellis data: a JSON file and a readable summary");
    }
}
