/**
 * JMH benchmarks. Build with {@code mvn -pl bench -am package -DskipTests}, run with
 * {@code java -jar bench/target/benchmarks.jar [regex]}. Seeds are fixed, one fork, explicit heap.
 */
package org.isofield.bench;
