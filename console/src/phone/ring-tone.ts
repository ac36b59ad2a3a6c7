// The audible ring: a synthesized Chinese-style ring-back cadence (1 s on / 4 s off would be too slow
// for an agent; we use 0.4 s on, 0.2 s off, 0.4 s on, 2 s off) as a WAV blob, played on the chosen
// output device through an <audio> element (setSinkId).
function ringWav(sampleRate = 8000): Blob {
  const pattern: [number, boolean][] = [
    [0.4, true],
    [0.2, false],
    [0.4, true],
    [2.0, false],
  ];
  const total = Math.round(pattern.reduce((a, [s]) => a + s, 0) * sampleRate);
  const data = new Int16Array(total);
  let i = 0;
  for (const [secs, on] of pattern) {
    const n = Math.round(secs * sampleRate);
    for (let k = 0; k < n && i < total; k++, i++) {
      const t = i / sampleRate;
      data[i] = on
        ? Math.round(6000 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)))
        : 0;
    }
  }
  const header = new DataView(new ArrayBuffer(44));
  const w = (o: number, s: string) => {
    for (let j = 0; j < s.length; j++) header.setUint8(o + j, s.charCodeAt(j));
  };
  w(0, 'RIFF');
  header.setUint32(4, 36 + data.byteLength, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * 2, true);
  header.setUint16(32, 2, true);
  header.setUint16(34, 16, true);
  w(36, 'data');
  header.setUint32(40, data.byteLength, true);
  return new Blob([header, data], { type: 'audio/wav' });
}

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class RingTone {
  private readonly el: SinkAudio;
  constructor() {
    this.el = new Audio(URL.createObjectURL(ringWav())) as SinkAudio;
    this.el.loop = true;
  }
  async setSink(id: string | undefined): Promise<void> {
    if (this.el.setSinkId) await this.el.setSinkId(id ?? '').catch(() => undefined);
  }
  start(): void {
    this.el.currentTime = 0;
    void this.el.play().catch(() => undefined); // autoplay may be refused before a user gesture
  }
  stop(): void {
    this.el.pause();
  }
}
