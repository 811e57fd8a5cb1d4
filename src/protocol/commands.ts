// Command-phase client packets, decoded by their first byte.

import { MalformedPacketError, PayloadReader } from './buffers.js';
import { Command } from './constants.js';

export type ClientCommand =
  | { type: 'quit' }
  | { type: 'init_db'; database: string }
  | { type: 'query'; sql: string }
  | { type: 'field_list'; table: string; wildcard: string }
  | { type: 'statistics' }
  | { type: 'ping' }
  | { type: 'change_user' }
  | { type: 'set_option'; option: number }
  | { type: 'reset_connection' }
  | { type: 'stmt_prepare'; sql: string }
  | { type: 'stmt_execute'; statementId: number }
  | { type: 'stmt_close'; statementId: number }
  | { type: 'stmt_reset'; statementId: number }
  | { type: 'stmt_send_long_data'; statementId: number; paramId: number; data: Buffer }
  | { type: 'other'; code: number };

/**
 * Decodes a command payload. COM_CHANGE_USER's body needs the negotiated capabilities (parseChangeUser) and
 * COM_STMT_EXECUTE's the statement's parameter count (parseExecute).
 */
export function decodeCommand(payload: Buffer): ClientCommand {
  if (payload.length === 0) throw new MalformedPacketError('empty command packet');
  const code = payload[0]!;
  switch (code) {
    case Command.QUIT:
      return { type: 'quit' };
    case Command.INIT_DB:
      return { type: 'init_db', database: payload.toString('utf8', 1) };
    case Command.QUERY:
      return { type: 'query', sql: payload.toString('utf8', 1) };
    case Command.FIELD_LIST: {
      const r = new PayloadReader(payload, 1);
      const table = r.nulString(true);
      return { type: 'field_list', table, wildcard: r.rest().toString('utf8') };
    }
    case Command.STATISTICS:
      return { type: 'statistics' };
    case Command.PING:
      return { type: 'ping' };
    case Command.CHANGE_USER:
      return { type: 'change_user' };
    case Command.SET_OPTION: {
      const r = new PayloadReader(payload, 1);
      return { type: 'set_option', option: r.u16() };
    }
    case Command.RESET_CONNECTION:
      return { type: 'reset_connection' };
    case Command.STMT_PREPARE:
      return { type: 'stmt_prepare', sql: payload.toString('utf8', 1) };
    case Command.STMT_EXECUTE:
      return { type: 'stmt_execute', statementId: new PayloadReader(payload, 1).u32() };
    case Command.STMT_CLOSE:
      return { type: 'stmt_close', statementId: new PayloadReader(payload, 1).u32() };
    case Command.STMT_RESET:
      return { type: 'stmt_reset', statementId: new PayloadReader(payload, 1).u32() };
    case Command.STMT_SEND_LONG_DATA: {
      const r = new PayloadReader(payload, 1);
      return { type: 'stmt_send_long_data', statementId: r.u32(), paramId: r.u16(), data: r.rest() };
    }
    default:
      return { type: 'other', code };
  }
}
