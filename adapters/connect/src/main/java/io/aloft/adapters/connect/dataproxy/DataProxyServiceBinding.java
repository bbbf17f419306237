package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.proto.dataproxy.v1.CreateDownloadLinkRequest;
import io.aloft.proto.dataproxy.v1.CreateUploadLocationRequest;
import io.aloft.proto.dataproxy.v1.GetActionDataRequest;
import io.aloft.proto.dataproxy.v1.TailLogsRequest;
import io.aloft.proto.dataproxy.v1.UploadInputsRequest;

/**
 * {@code aloft.dataproxy.v1.DataProxyService}: GetActionData, TailLogs, CreateUploadLocation,
 * UploadInputs and CreateDownloadLink (reports).
 */
public final class DataProxyServiceBinding {

  public static final String SERVICE = "aloft.dataproxy.v1.DataProxyService";

  private final ActionDataHandler actionData;
  private final TailLogsHandler tailLogs;
  private final UploadLocationHandler uploadLocation;
  private final UploadInputsHandler uploadInputs;
  private final DownloadLinkHandler downloadLink;

  public DataProxyServiceBinding(
      ActionDataHandler actionData,
      TailLogsHandler tailLogs,
      UploadLocationHandler uploadLocation,
      UploadInputsHandler uploadInputs,
      DownloadLinkHandler downloadLink) {
    this.actionData = actionData;
    this.tailLogs = tailLogs;
    this.uploadLocation = uploadLocation;
    this.uploadInputs = uploadInputs;
    this.downloadLink = downloadLink;
  }

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary(
            "GetActionData", GetActionDataRequest.getDefaultInstance(), actionData::getActionData)
        .serverStream("TailLogs", TailLogsRequest.getDefaultInstance(), tailLogs::tailLogs)
        .unary(
            "CreateUploadLocation",
            CreateUploadLocationRequest.getDefaultInstance(),
            uploadLocation::createUploadLocation)
        .unary("UploadInputs", UploadInputsRequest.getDefaultInstance(), uploadInputs::uploadInputs)
        .unary(
            "CreateDownloadLink",
            CreateDownloadLinkRequest.getDefaultInstance(),
            downloadLink::createDownloadLink)
        .build();
  }
}
