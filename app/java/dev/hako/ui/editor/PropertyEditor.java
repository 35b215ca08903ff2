package dev.hako.ui.editor;

import javafx.scene.Node;

/**
 * The contract every value editor follows (one class per {@link ValueType}, as in
 * Scene Builder's inspector): a control, its value as the server's text (empty =
 * unset), and a change callback. Editors do not validate; {@link ValueValidator} does.
 */
public interface PropertyEditor {

    Node node();

    String value();

    void setValue(String value);

    void setOnChange(Runnable onChange);

    void setEditable(boolean editable);

    /** The editor for a key of this catalog entry ({@code null}: unknown key, edited as text). */
    static PropertyEditor forKey(ConfigKey key) {
        if (key == null) {
            return new StringPropertyEditor(false);
        }
        return switch (key.type()) {
            case BOOLEAN -> new BooleanPropertyEditor();
            case INTEGER -> new IntegerPropertyEditor(key.min(), key.max());
            case SIZE -> new SizePropertyEditor(key.percent());
            case ENUM -> new EnumPropertyEditor(key.values());
            case DURATION -> new DurationPropertyEditor();
            case LIST -> new ListPropertyEditor();
            case STRING -> new StringPropertyEditor(key.multiline());
        };
    }
}
