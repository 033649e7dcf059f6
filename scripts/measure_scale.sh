#!/bin/bash
# Every whole-process figure of issue 6 (scale), side by side in one run, once the
# machine is quiet. Needs hyperfine, fzf and tmux (apt-get install -y hyperfine fzf tmux).
#
#   cargo build --release --examples
#   cargo run --release --example gen_corpus -- /tmp/scale/c1k 1000
#   cargo run --release --example gen_corpus -- /tmp/scale/c10k 10000
#   scripts/measure_scale.sh /tmp/scale
set -u
W=$(cd "$(dirname "$0")/.." && pwd)/target/release
S=$W/storyx
cd "${1:?usage: measure_scale.sh DIR-with-c1k-and-c10k}"
T=$(mktemp -d)
export XDG_CACHE_HOME=$T/cache XDG_STATE_HOME=$T/state XDG_CONFIG_HOME=$T/config
start=$(date +%s); while [ "$(awk '{print ($1 < 0.6)}' /proc/loadavg)" != 1 ] && [ $(( $(date +%s) - start )) -lt 900 ]; do sleep 5; done
echo "### start $(date) load $(cat /proc/loadavg)"
echo "corpus bytes: c1k $(cat c1k/*.yaml | wc -c), c10k $(cat c10k/*.yaml | wc -c)"
$S check c1k >/dev/null; $S check c10k > /dev/null
echo "### 1k load"
hyperfine -w 3 -r 20 -N "$W/examples/baseline_parse c1k" "$S check --no-cache c1k" "$S check c1k" 2>&1 | grep -v '^ *$'
echo "### 1k search vs fzf"
hyperfine -w 3 -r 20 -N "$S search fisher c1k" "$S search --no-cache fisher c1k" 'bash -c "cat c1k/*.yaml | fzf --filter fisher"' 2>&1 | grep -v '^ *$'
echo "### RSS 1k (KB)"
for c in "check --no-cache c1k" "check c1k" "search --no-cache fisher c1k" "search fisher c1k"; do
  for i in 1 2 3; do /usr/bin/time -f "$c: %e s, %M KB" $S $c 2>&1 >/dev/null | grep KB; done
done
rm -rf $XDG_CACHE_HOME/storyx; /usr/bin/time -f "check c1k (cold cache, writes it): %e s, %M KB" $S check c1k 2>&1 >/dev/null | grep KB
rm -rf $XDG_CACHE_HOME/storyx; /usr/bin/time -f "search fisher c1k (cold cache, writes it): %e s, %M KB" $S search fisher c1k 2>&1 >/dev/null | grep KB
echo "### explorer (tmux 200x60): first frame ms, peak RSS; 'search' = / fisher trade typed and answered before quitting"
for d in c1k c10k; do for mode in warm no-cache cold; do for s in "" search; do for i in 1 2; do
  nc=""; [ $mode = no-cache ] && nc=--no-cache; [ $mode = cold ] && rm -rf $XDG_CACHE_HOME/storyx
  rm -f $T/ff $T/exp.txt
  tmux -L meas new-session -d -x 200 -y 60 "env STORYX_FIRST_FRAME_FILE=$T/ff /usr/bin/time -f '%e s %M KB' -o $T/exp.txt $S $nc $d"
  n=$(ls $d | wc -l); t0=$(date +%s%N)
  until tmux -L meas capture-pane -p | grep -q "Library 1/$n "; do sleep 0.05; done
  t1=$(date +%s%N)
  if [ "$s" = search ]; then
    tmux -L meas send-keys /; sleep 0.2; tmux -L meas send-keys -l "fisher trade"
    until tmux -L meas capture-pane -p | grep -q " hits"; do sleep 0.1; done; sleep 1
    tmux -L meas send-keys Escape; sleep 0.2
  fi
  tmux -L meas send-keys q; sleep 0.5
  echo "explorer $d $mode $s: first frame $(cat $T/ff) ms; library complete after ~$(( (t1-t0)/1000000 )) ms; $(cat $T/exp.txt)"
  tmux -L meas kill-server 2>/dev/null
done; done; done; done
echo "### 10k"
hyperfine -w 1 -r 5 -N "$W/examples/baseline_parse c10k" "$S check --no-cache c10k" "$S check c10k" "$S search fisher c10k" "$S search --no-cache fisher c10k" 'bash -c "cat c10k/*.yaml | fzf --filter fisher"' 2>&1 | grep -v '^ *$'
for c in "check --no-cache c10k" "check c10k" "search --no-cache fisher c10k" "search fisher c10k"; do
  /usr/bin/time -f "$c: %e s, %M KB" $S $c 2>&1 >/dev/null | grep KB
done
echo "### end $(date) load $(cat /proc/loadavg)"
rm -rf "$T"
