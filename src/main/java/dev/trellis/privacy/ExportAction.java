package dev.trellis.privacy;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.flow.MessageBundle;

/**
 * {@code privacy.export}: prepares the export of the person this conversation belongs to (never of an id the flow
 * or the person passes in) and hands it to the chat as files ({@code fileId}), which only that person can open.
 */
@Component
@ActionName("privacy.export")
final class ExportAction implements ActionHandler {

    // looked up when used: the flow catalog checks actions exist before the conversations the export reads exist
    private final ObjectProvider<PersonalExport> export;

    private final ObjectProvider<MessageBundle> messages;

    ExportAction(ObjectProvider<PersonalExport> export, ObjectProvider<MessageBundle> messages) {
        this.export = export;
        this.messages = messages;
    }

    @Override
    public Map<String, Object> run(Request request) {
        String id = export.getObject().prepare(request.personId(), request.idempotencyKey(), request.locale());
        List<String> title = messages.getObject().variants(request.locale(), "export.fileTitle");
        return Map.of("fileId", id, "fileTitle", title.isEmpty() ? "Your Trellis data" : title.get(0));
    }
}
