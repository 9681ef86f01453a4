"""Throughput of the tidings coder next to spaCy's own pipeline on the same text, and peak memory.

    python benchmarks/bench_coder.py [--sentences 2400] [--repeat 3]

A corpus of news-like sentences is generated (seeded, so every run codes the same text). Each
mode runs in a fresh process so that its peak resident memory is its own:

- spacy: the English pipeline alone (nlp.pipe over the articles);
- tidings: the whole coder (spaCy + actors + events) over the same articles.

It prints sentences per second for both, the coder's overhead over spaCy, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

ACTORS = [
    "Iran", "Israel", "the United States", "China", "Russia", "Ukraine", "Turkey", "Egypt",
    "the European Union", "NATO", "Pakistan", "India", "Saudi Arabia", "Qatar", "Japan",
    "the Iranian foreign minister", "Chinese troops", "Kenyan police", "Syrian rebels",
    "the German chancellor", "French officials", "the United Nations", "Hamas", "the Taliban",
    "protesters in Caracas", "the Brazilian government", "South Korean lawmakers",
]
ACTIONS = [
    "accused {t} of violating the ceasefire", "met {t} in Geneva", "praised {t}",
    "signed a trade agreement with {t}", "imposed sanctions on {t}", "condemned {t}",
    "threatened to attack {t}", "sent humanitarian aid to {t}", "rejected a proposal from {t}",
    "called on {t} to release the prisoners", "held talks with {t} on Tuesday",
    "expelled diplomats from {t}", "fired rockets at {t}", "demanded that {t} withdraw its troops",
    "agreed to cooperate with {t} on energy", "arrested ten citizens of {t}",
    "will provide military assistance to {t}", "did not meet {t}",
]
FILLER = [
    "Officials said the situation remained tense.", "The statement came after weeks of talks.",
    "Markets in the region were calm on Monday.", "The decision was announced late on Friday.",
]


def corpus(n_sentences: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    articles, current = [], []
    for i in range(n_sentences):
        if i % 5 == 4:
            current.append(rng.choice(FILLER))
        else:
            s, t = rng.sample(ACTORS, 2)
            sent = f"{s} {rng.choice(ACTIONS).format(t=t)}."
            current.append(sent[0].upper() + sent[1:])
        if len(current) == 8:
            articles.append(" ".join(current))
            current = []
    if current:
        articles.append(" ".join(current))
    return articles


def run_mode(mode: str, n: int, repeat: int) -> dict:
    texts = corpus(n)
    if mode == "spacy":
        from tidings.nlp import load_pipeline

        nlp = load_pipeline()
        list(nlp.pipe(texts[:10]))  # warm up

        def job() -> int:
            return sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=64))
    else:
        from tidings.coder import Coder
        from tidings.records import Article

        coder = Coder()
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        list(coder.code_articles(articles[:10]))

        def job() -> int:
            return sum(len(c.sentences) for c in coder.code_articles(articles))
    best = float("inf")
    sentences = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        sentences = job()
        best = min(best, time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "sentences": sentences, "seconds": best,
            "sentences_per_second": sentences / best, "peak_rss_mb": peak_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=2400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mode", choices=["spacy", "tidings"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.sentences, args.repeat)))
        return
    results = {}
    for mode in ("spacy", "tidings"):
        out = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--sentences", str(args.sentences),
             "--repeat", str(args.repeat)], check=True, capture_output=True, text=True)
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    sp, td = results["spacy"], results["tidings"]
    print(f"corpus: {td['sentences']} sentences (generated, seed 7); best of {args.repeat} runs")
    print(f"{'':18} {'sent/s':>10} {'seconds':>9} {'peak RSS MB':>12}")
    for name, r in (("spaCy alone", sp), ("tidings coder", td)):
        print(f"{name:18} {r['sentences_per_second']:10.0f} {r['seconds']:9.2f} "
              f"{r['peak_rss_mb']:12.0f}")
    overhead = td["seconds"] / sp["seconds"] - 1
    print(f"coder time over spaCy alone: {overhead:+.1%} (target: under +15%)")


if __name__ == "__main__":
    main()
