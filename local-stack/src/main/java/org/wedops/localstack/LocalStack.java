package org.wedops.localstack;
public final class LocalStack { public static void main(String[] a) { System.out.println("stub"); } }
