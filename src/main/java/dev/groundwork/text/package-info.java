/**
 * Text as every stage sees it: white space in the widest sense, sentences, and the table-row format. No feature of its
 * own, used by parsing, splitting, embedding and answering alike.
 */
package dev.groundwork.text;
