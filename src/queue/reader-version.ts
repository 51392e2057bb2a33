/**
 * The version of the reading and checking pipeline whose results a row holds. Raise it when a
 * reader or a rule changes what it finds; `gongkai queue reprocess` then reads every stored
 * document again, and results of each version stay side by side.
 */
export const READER_VERSION = '0.1.0+1';
