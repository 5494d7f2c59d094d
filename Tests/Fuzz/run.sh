#!/bin/sh
# Fuzz the framer, JSON reader/writer and protocol codec with libFuzzer.
#   Tests/Fuzz/run.sh [SECONDS]      (default 10; CI: 10, by hand: minutes)
# Builds the protocol sources and FuzzProtocol.swift into one binary with
# -sanitize=fuzzer,address and runs it on a corpus kept in .build/fuzz-corpus.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
out="$root/.build/fuzz"
mkdir -p "$out" "$root/.build/fuzz-corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -o "$out/fuzz-protocol" \
    "$root/Tests/Fuzz/FuzzProtocol.swift" \
    "$root/Sources/Bot/Protocol/JSONValue.swift" \
    "$root/Sources/Bot/Protocol/JSONLine.swift" \
    "$root/Sources/Bot/Protocol/JSONLine+Encoding.swift" \
    "$root/Sources/Bot/Protocol/ProtocolCodec.swift" \
    "$root/Sources/Bot/Protocol/ProtocolError.swift" \
    "$root/Sources/Bot/Protocol/Request.swift" \
    "$root/Sources/Bot/Protocol/Reply.swift" \
    "$root/Sources/Bot/Channels/LineFramer.swift"
printf '{"id":1,"text":"115路几点","session":"s"}\n' > "$root/.build/fuzz-corpus/seed-json"
printf 'GET / HTTP/1.0\r\n\r\n\xff\xfe\n[[[[\n' > "$root/.build/fuzz-corpus/seed-junk"
"$out/fuzz-protocol" -max_total_time="$seconds" -max_len=4096 "$root/.build/fuzz-corpus"
