package junction.execute;

import junction.remote.RemoteEndpoint;
import junction.remote.RemoteQuery;

/**
 * One request to a remote schema for root fields of an operation: where to send it and what. Built
 * once per compiled plan (it depends only on the document and the snapshot), sent once per request.
 */
record RemoteRoot(RemoteEndpoint endpoint, RemoteQuery query) {
}
