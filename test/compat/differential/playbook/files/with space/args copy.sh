#!/bin/sh
# Used by the freeform_script case (a path with blanks, quoted): records its arguments and working directory.
printf 'args:'
for a in "$@"; do printf ' [%s]' "$a"; done
printf '\npwd: %s\n' "$(pwd)"
