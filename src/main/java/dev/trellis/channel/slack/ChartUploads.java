package dev.trellis.channel.slack;

import java.io.IOException;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;

import dev.trellis.coaching.ChartImages;

/**
 * Uploads a conversation's chart (an {@code IMAGE} message names a stored PNG) into the person's DM with Slack's
 * files upload API v2 ({@code files.getUploadURLExternal}, the upload, {@code files.completeUploadExternal}).
 */
final class ChartUploads {

    private final ChartImages charts;

    ChartUploads(ChartImages charts) {
        this.charts = charts;
    }

    /** The chart's bytes, when it exists and belongs to {@code personId}. */
    Optional<ChartImages.Image> find(String imageId, String personId) {
        return imageId == null ? Optional.empty() : charts.find(imageId, personId);
    }

    /** One upload; a failure of any of its three steps comes back as a not-ok response with Slack's error. */
    static FilesUploadV2Response upload(MethodsClient client, String channelId, String threadTs,
                                        ChartImages.Image image, String altText) throws IOException, SlackApiException {
        try {
            return client.filesUploadV2(r -> r.channel(channelId).threadTs(threadTs).fileData(image.data())
                    .filename(image.id() + ".png").title(altText).altTxt(altText).requestFileInfo(false));
        } catch (SlackFilesUploadV2Exception e) {
            FilesUploadV2Response failed = new FilesUploadV2Response();
            failed.setOk(false);
            failed.setError(error(e));
            return failed;
        }
    }

    /** Several files in one upload (an export: the JSON file and its readable summary), with a comment. */
    static FilesUploadV2Response uploadFiles(MethodsClient client, String channelId, String threadTs, String comment,
                                             java.util.List<FilesUploadV2Request.UploadFile> files)
            throws IOException, SlackApiException {
        try {
            return client.filesUploadV2(r -> r.channel(channelId).threadTs(threadTs).initialComment(comment)
                    .uploadFiles(files).requestFileInfo(false));
        } catch (SlackFilesUploadV2Exception e) {
            FilesUploadV2Response failed = new FilesUploadV2Response();
            failed.setOk(false);
            failed.setError(error(e));
            return failed;
        }
    }

    private static String error(SlackFilesUploadV2Exception e) {
        if (e.getCompleteResponse() != null && e.getCompleteResponse().getError() != null) {
            return e.getCompleteResponse().getError();
        }
        return e.getGetURLResponses().stream().map(FilesGetUploadURLExternalResponse::getError)
                .filter(error -> error != null).findFirst().orElse("internal_error");
    }
}
