package org.wedops.alert.integration;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import lombok.RequiredArgsConstructor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** E-mail over SMTP with a text and an HTML body. JavaMail blocks, so sending runs on the bounded-elastic scheduler. */
@RequiredArgsConstructor
final class Mailer {

    private final JavaMailSender mail;
    private final String from;

    Mono<Void> send(List<String> to, GroupNotification notification) {
        return Mono.<Void>fromRunnable(() -> mail.send(message(to, notification))).subscribeOn(Schedulers.boundedElastic());
    }

    private MimeMessage message(List<String> to, GroupNotification notification) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(notification.title());
            helper.setText(EmailBody.text(notification), EmailBody.html(notification));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build e-mail: " + e.getMessage(), e);
        }
        return message;
    }
}
