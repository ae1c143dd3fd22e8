/**
 * Concord's one addition to the y-websocket protocol: after storing a client's update, the
 * server answers with its state vector (this message type, then the vector), so the client
 * can tell its own changes are durable before it shows "saved". Other y-websocket clients
 * ignore unknown message types.
 */
export const MESSAGE_ACK = 100;
