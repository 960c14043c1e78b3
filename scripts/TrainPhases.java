import java.util.*;
import org.isofield.core.config.Configs;
import org.isofield.fields.train.*;
import org.isofield.fields.mlp.*;
import org.isofield.encodings.*;
import org.isofield.fields.optim.*;
import org.isofield.fields.loss.*;
/**
 * Times the phases of one neural-field training step (the stages of Trainer.step, called one by one), default SDF
 * config, batch 2^18, points uniform in the cube, sphere targets; prints the mean of REPS steps after 5 warm-up steps.
 * Run: java --add-modules jdk.incubator.vector -Xmx6g -cp bench/target/benchmarks.jar scripts/TrainPhases.java [REPS]
 */
public class TrainPhases {
  public static void main(String[] a) throws Exception {
    int n = 1 << 18;
    NeuralFieldConfig config = Configs.with(NeuralFieldConfig.DEFAULT, "batch_size", n);
    NeuralField field = new NeuralField(config, 1);
    Encoding enc = field.encoding(); Network net = field.network();
    float[] xyz = new float[3*n], target = new float[n];
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < n; i++) { double x=r.nextDouble(),y=r.nextDouble(),z=r.nextDouble(); xyz[3*i]=(float)x; xyz[3*i+1]=(float)y; xyz[3*i+2]=(float)z; target[i]=(float)(Math.sqrt((x-.5)*(x-.5)+(y-.5)*(y-.5)+(z-.5)*(z-.5))-0.3);}
    int dims = enc.outputDims();
    float[] encoded = new float[n*dims], pred = new float[n], dp = new float[n], dEnc = new float[n*dims];
    float[] eg = new float[enc.paramCount()], ng = new float[net.paramCount()];
    Network.Workspace ws = net.newWorkspace(n);
    Loss loss = Losses.create(config.loss());
    Optimizer eo = Optimizers.create(config.optimizer(), List.of(ParameterGroup.of("encoding", 0, enc.paramCount(), ParameterGroup.Kind.GRID)), enc.paramCount());
    Optimizer no = Optimizers.create(config.optimizer(), net.parameterGroups(), net.paramCount());
    String[] names = {"encode","mlpFwdTrain","loss","fill","mlpBwd","encBwd","encOpt","netOpt","mlpFwdInfer"};
    long[] t = new long[names.length];
    int reps = Integer.parseInt(a.length>0?a[0]:"20");
    for (int it = 0; it < reps + 5; it++) {
      long[] s = new long[names.length+1]; int k=0;
      s[k++]=System.nanoTime(); enc.encode(xyz, n, encoded);
      s[k++]=System.nanoTime(); net.forwardTrain(encoded, n, ws, pred);
      s[k++]=System.nanoTime(); loss.evaluate(pred, target, n, 1, dp);
      s[k++]=System.nanoTime(); Arrays.fill(ng,0f); Arrays.fill(eg,0f);
      s[k++]=System.nanoTime(); net.backward(encoded, n, ws, dp, ng, dEnc);
      s[k++]=System.nanoTime(); enc.backward(xyz, n, dEnc, eg);
      s[k++]=System.nanoTime(); eo.step(enc.params(), eg);
      s[k++]=System.nanoTime(); no.step(net.params(), ng);
      s[k++]=System.nanoTime(); net.forward(encoded, n, pred);
      s[k++]=System.nanoTime();
      if (it >= 5) for (int j = 0; j < names.length; j++) t[j] += s[j+1]-s[j];
    }
    long tot=0; for (int j=0;j<names.length;j++){ System.out.printf("%-12s %7.1f ms%n", names[j], t[j]/1e6/reps); if (j<8) tot+=t[j];}
    System.out.printf("train total %7.1f ms -> %.2fM/s%n", tot/1e6/reps, n/(tot/1e9/reps)/1e6);
  }
}
