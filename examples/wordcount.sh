#!/bin/sh
# Counts the words of a text file and reports the most frequent ones.
#
# Inputs arrive as files in $ALOFT_INPUT_DIR, one per variable: "words" is the blob (the file
# itself, downloaded from object storage) and "n" holds the integer as text.
# Outputs are files in $ALOFT_OUTPUT_DIR named after the output variables: "total" holds an
# integer as text, "report" is a file that Aloft uploads as a blob.
set -eu
words="$ALOFT_INPUT_DIR/words"
n=$(cat "$ALOFT_INPUT_DIR/n")

lines=$(wc -l < "$words")
total=$(wc -w < "$words")
echo "read $((lines)) lines and $((total)) words; reporting the top $n"

echo $((total)) > "$ALOFT_OUTPUT_DIR/total"
{
  echo "lines: $((lines))"
  echo "words: $((total))"
  echo "top $n:"
  # One word per line, lower-cased; count; most frequent first (ties alphabetically).
  tr -cs 'A-Za-z' '\n' < "$words" | tr 'A-Z' 'a-z' | grep -v '^$' \
    | sort | uniq -c | sort -k1,1nr -k2,2 | head -n "$n" | sed "s/^ */  /"
} > "$ALOFT_OUTPUT_DIR/report"
echo "wrote the report ($(wc -l < "$ALOFT_OUTPUT_DIR/report") lines)"
