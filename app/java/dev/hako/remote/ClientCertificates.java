package dev.hako.remote;

import dev.hako.lxd.ClientIdentity;
import dev.hako.lxd.ExplainedException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The client certificate Hako presents to servers, made the way the {@code lxc} CLI
 * makes its own: ECDSA P-384, self-signed, ten years, extended key usage clientAuth,
 * {@code CN=user@host}. The key file is written with mode 0600 and nowhere else.
 */
public final class ClientCertificates {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    private ClientCertificates() {
    }

    public static ClientIdentity generate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            var subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Hako")
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                    keys.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA384withECDSA")
                    .build(keys.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new ClientIdentity(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new ExplainedException("cannot create a client certificate: " + e.getMessage(), e,
                    "remotes.problem.makeCertificate", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    /** {@code user@host}, as the CLI names its certificate. */
    public static String defaultCommonName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "user") + "@" + host;
    }

    /** Writes {@code client.crt} and {@code client.key} (mode 0600, created with that mode). */
    public static void save(ClientIdentity identity, Path certificateFile, Path keyFile) throws IOException {
        Files.createDirectories(certificateFile.toAbsolutePath().getParent());
        Files.writeString(certificateFile, toPem(identity.certificate()), StandardCharsets.US_ASCII);
        Files.deleteIfExists(keyFile);
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
        }
        try (Writer out = Files.newBufferedWriter(keyFile, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
             org.bouncycastle.util.io.pem.PemWriter pem = new org.bouncycastle.util.io.pem.PemWriter(out)) {
            pem.writeObject(privateKeyPem(identity));
        }
    }

    /**
     * The key as the Go CLIs write it ({@code x509.MarshalECPrivateKey}): SEC1 "EC PRIVATE KEY"
     * with the curve and the public key inside, so that it loads back here and in {@code lxc}.
     */
    private static org.bouncycastle.util.io.pem.PemObject privateKeyPem(ClientIdentity identity) throws IOException {
        var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(identity.privateKey().getEncoded());
        if (!org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey.equals(
                info.getPrivateKeyAlgorithm().getAlgorithm())) {
            return new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", info.getEncoded());
        }
        var bare = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        var publicKey = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                identity.certificate().getPublicKey().getEncoded()).getPublicKeyData();
        int orderBits = ((java.security.interfaces.ECPrivateKey) identity.privateKey()).getParams().getOrder()
                .bitLength();
        var full = new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, bare.getKey(), publicKey,
                info.getPrivateKeyAlgorithm().getParameters());
        return new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", full.getEncoded());
    }

    /** Reads a PEM certificate and key pair such as the CLI's {@code client.crt} / {@code client.key}. */
    public static ClientIdentity load(Path certificateFile, Path keyFile) throws IOException {
        X509Certificate certificate = Pem.readCertificate(Files.readString(certificateFile, StandardCharsets.US_ASCII));
        try (Reader in = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(in)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                // SEC1 keys written without the optional public key have no public key info: convert the private part.
                return new ClientIdentity(certificate, pair.getPublicKeyInfo() == null
                        ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                        : converter.getKeyPair(pair).getPrivate());
            }
            if (object instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                return new ClientIdentity(certificate, converter.getPrivateKey(info));
            }
            throw new ExplainedException(keyFile + " holds no private key", "remotes.problem.noPrivateKey",
                    keyFile);
        }
    }

    public static String toPem(X509Certificate certificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
