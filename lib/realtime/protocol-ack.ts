/**
 * Concord's one addition to the y-websocket protocol: after storing a client's update (or
 * finding its sync step 2 already stored), the server answers that client with the state
 * vector of the room's stored document (this message type, then the vector), so the client
 * can tell its own changes are durable before it shows "saved". Other y-websocket clients
 * ignore unknown message types.
 */
export const MESSAGE_ACK = 100;
