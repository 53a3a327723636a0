#!/bin/sh
# Regenerates the push-to-talk chimes (committed; run by hand at dev time).
# 100 ms each: even across 20 ms frame edges (6 frames) shorter than the voice
# detector's 140 ms onset, so a chime the microphone picks up is never speech.
set -e
cd "$(dirname "$0")"
tone() { echo "synth 0.05 sine $1 fade h 0.005 0.05 0.02 vol 0.35"; }
sox -n -r 16000 -c 1 -b 16 start.wav $(tone 660) : $(tone 880)
sox -n -r 16000 -c 1 -b 16 stop.wav $(tone 880) : $(tone 660)
