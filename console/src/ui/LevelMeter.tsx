import { useEffect, useRef } from 'react';

/** Live audio level of a stream (RMS of an AnalyserNode), drawn without React re-renders. */
export function LevelMeter(props: { stream: MediaStream | null; label: string; testId: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const { stream } = props;
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
    const ctx = new AudioContext();
    const src = ctx.createMediaStreamSource(stream);
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    src.connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let raf = 0;
    const draw = () => {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      const rms = Math.sqrt(sum / buf.length);
      const pct = Math.min(100, Math.round(Math.sqrt(rms) * 140));
      if (bar.current) {
        bar.current.style.width = `${pct}%`;
        bar.current.dataset.level = String(pct);
      }
      raf = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(raf);
      src.disconnect();
      void ctx.close();
    };
  }, [stream]);
  return (
    <div className="meter" title={props.label}>
      <span className="meter-label">{props.label}</span>
      <div className="meter-track">
        <div className="meter-bar" ref={bar} data-testid={props.testId} data-level="0" />
      </div>
    </div>
  );
}
