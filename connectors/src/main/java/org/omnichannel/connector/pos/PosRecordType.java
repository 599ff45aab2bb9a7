package org.omnichannel.connector.pos;

/** The three kinds of row of a POS CSV file: the receipt, one line of it, one payment of it. */
enum PosRecordType {
    ORDER,
    LINE,
    PAYMENT
}
