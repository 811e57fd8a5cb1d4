// The MySQL wire-protocol codec: pure functions and classes over Buffers, no I/O.
export * from './constants.js';
export * from './buffers.js';
export * from './framing.js';
export * from './handshake.js';
export * from './responses.js';
export * from './commands.js';
export * from './result.js';
export * from './prepared.js';
