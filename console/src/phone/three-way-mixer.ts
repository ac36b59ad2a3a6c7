// Three-way call audio (rtpengine 10.5 cannot mix): the agent's browser mixes. Each far party hears the
// agent's microphone plus the other far party; the agent hears both (two audio elements).
export class ThreeWayMixer {
  private readonly ctx = new AudioContext();
  private readonly toCaller = this.ctx.createMediaStreamDestination();
  private readonly toThird = this.ctx.createMediaStreamDestination();
  private readonly nodes: AudioNode[] = [];

  constructor(mic: MediaStream, callerAudio: MediaStream, thirdAudio: MediaStream) {
    const m = this.src(mic);
    const c = this.src(callerAudio);
    const t = this.src(thirdAudio);
    m.connect(this.toCaller);
    m.connect(this.toThird);
    t.connect(this.toCaller);
    c.connect(this.toThird);
  }

  private src(s: MediaStream): MediaStreamAudioSourceNode {
    const n = this.ctx.createMediaStreamSource(s);
    this.nodes.push(n);
    return n;
  }

  /** Tracks to send: to the caller's leg and to the third party's leg. */
  tracks(): { toCaller: MediaStreamTrack | undefined; toThird: MediaStreamTrack | undefined } {
    return {
      toCaller: this.toCaller.stream.getAudioTracks()[0],
      toThird: this.toThird.stream.getAudioTracks()[0],
    };
  }

  async close(): Promise<void> {
    for (const n of this.nodes) n.disconnect();
    await this.ctx.close().catch(() => undefined);
  }
}
